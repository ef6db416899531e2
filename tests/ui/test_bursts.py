"""Keys in bursts, through a real pty: each key lands where the facilitator meant it.

Over a laggy ssh link or tmux pairing, a command key and the words after it arrive in one
read. Each burst here is one write to the pty: a key that opens an editor, a form or a dialog,
then words full of tree command letters (d deletes, m moves, r closes, o reopens, u undoes).
Afterwards the session file must differ from the demo by exactly what was meant: the words
where they were typed, and nothing deleted, moved, closed or undone. The same at 80x24 and at
40x12, and a bracketed paste into the tree asks why with the pasted words.
"""

from collections.abc import Callable
from pathlib import Path

import pytest
from pty_terminal import Terminal
from whyapp_kit import OPEN_STRUCTURAL, PODS, RETRIED, demo_session

from whytui.core.models import Session
from whytui.store import sessionfile

DOWN, UP, ESCAPE, TAB, CTRL_O = "\x1b[B", "\x1b[A", "\x1b", "\t", "\x0f"
WORDS = " dreams unmoved, Reading Docs Always Pays"
"""Typed after each command key: d, m, r, o, u, e, a, s, n, p, A, D, R would all be commands."""
NEW_WHY = "The pool was sized for the old release" + WORDS
SIBLING = "Retries doubled the load" + WORDS
ACTION = "Set max_connections to 500 in the payments Helm chart values" + WORDS
OWNER = "Greta Lind"
PASTED = "Nobody was paged when the pool ran dry"


def _node_by_text(session: Session, text: str) -> str:
    matches = [n.id for n in session.nodes if n.text == text]
    assert len(matches) == 1, f"{text!r} should be one why, found {len(matches)}"
    return matches[0]


@pytest.mark.parametrize("size", [(80, 24), (40, 12)], ids=["80x24", "40x12"])
def test_bursts_after_command_keys_change_only_what_was_meant(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    before = demo_session()
    path = tmp_path / "sessions" / "2026-10-16-payments-api-timeouts-demo.toml"
    path.parent.mkdir()
    sessionfile.save(before, path)
    terminal = Terminal(["open", str(path)], tmp_path / "state", size=size)

    def settles(what: str, done: Callable[[Session], bool]) -> None:
        """Wait until the file on disk shows `what` (autosave writes it half a second on)."""
        terminal.wait_until(lambda: done(sessionfile.load(path)), what)

    try:
        terminal.wait_for("Problem")
        # e: edit the why under the cursor, the words appended, enter saves; a: a why under
        # it (the cursor moves to the new why); s: another cause beside that one. One write.
        terminal.type(DOWN + "e" + WORDS + "\r" + "a" + NEW_WHY + "\r" + "s" + SIBLING + "\r")
        settles("the edit", lambda s: s.node(PODS).text == before.node(PODS).text + WORDS)
        settles(
            "the new why and its sibling", lambda s: {NEW_WHY, SIBLING} <= {n.text for n in s.nodes}
        )
        # A, then a: the action items, a new item typed into its form (enter moves on to the
        # owner, tab to the due date), saved, and back.
        terminal.type("Aa" + ACTION + "\r" + OWNER + TAB + CTRL_O + ESCAPE)
        settles("the action item", lambda s: ACTION in [a.text for a in s.actions])
        # D: the session details, the words appended to the title, saved.
        terminal.type("D" + WORDS + CTRL_O)
        settles("the title", lambda s: s.title == before.title + WORDS)
        # r on an open leaf, then 1: the category picker takes the 1.
        terminal.type(DOWN * 8 + "r1")
        settles("the root cause", lambda s: s.node(OPEN_STRUCTURAL).category == "missing-check")
        # A paste into the tree asks why under the selected node, with the pasted words.
        shown = terminal.mark()
        terminal.type(UP)
        terminal.paste(PASTED)
        terminal.wait_for("Why? under", since=shown)
        terminal.type("\r")
        settles("the pasted why", lambda s: PASTED in [n.text for n in s.nodes])
    finally:
        terminal.close()

    after = sessionfile.load(path)
    new_why, sibling, pasted = (_node_by_text(after, t) for t in (NEW_WHY, SIBLING, PASTED))
    assert after.node(new_why).parent == PODS
    assert after.node(sibling).parent == PODS
    assert after.node(pasted).parent == RETRIED
    for node in before.nodes:  # every why is still there, where it was, as it was
        kept = after.node(node.id)
        text = node.text + WORDS if node.id == PODS else node.text
        category = "missing-check" if node.id == OPEN_STRUCTURAL else node.category
        assert (kept.parent, kept.text, kept.category) == (node.parent, text, category)
    assert len(after.nodes) == len(before.nodes) + 3
    assert all(action in after.actions for action in before.actions)
    added = [a for a in after.actions if a.text == ACTION]
    assert len(added) == 1 and added[0].owner == OWNER
    assert len(after.actions) == len(before.actions) + 1
    assert after.status is before.status
    assert after.title == before.title + WORDS
