"""Opening the real whytui app on a session file in a temporary folder, and reading it back.

Every app gets its own state folder (where the cursor is remembered), so tests never touch the
user's, and the helpers read what the facilitator sees: tree lines as drawn, the screen text.
"""

import datetime as dt
from importlib.resources import files
from pathlib import Path

from rich.style import Style
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets.tree import TreeNode

from whytui.core.ids import ROOT_ID
from whytui.core.models import Session, WhyNode
from whytui.store import sessionfile
from whytui.ui.app import WhyApp
from whytui.ui.widgets.whytree import Row, WhyTree

SIZE = (80, 24)

PROBLEM_ONLY = "w-problem0only"
PERSON = "w-1a5s9d3f7ghj"
"""The demo's 'Kofi should have known about connection pooling.'"""
OPEN_STRUCTURAL = "w-6p0o4i8u2yta"
"""The demo's 'The charge endpoint accepts retries without an idempotency key.'"""
ROOT_CAUSE = "w-8k2l6z0x4cvb"
"""The demo's 'Postgres max_connections is lower than the sum of all pool sizes.'"""
PODS = "w-4n8c2v6b1xmz"
"""The demo's first why: 'The payments-api pods could not get database connections.'"""
RELEASE = "w-7q3w9e1r5tyu"
RETRIED = "w-3m7n1b5v9cxz"


def demo_session() -> Session:
    return sessionfile.loads(files("whytui").joinpath("data", "demo.toml").read_text("utf-8"))


def small_session(*nodes: WhyNode) -> Session:
    return Session(
        title="Search index stale after deploy",
        date=dt.date(2026, 11, 3),
        problem="Search returned yesterday's prices for 40 minutes.",
        nodes=nodes,
    )


def write(folder: Path, session: Session, name: str = "2026-10-16-demo-4f2a.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    sessionfile.save(session, path)
    return path


def open_app(
    path: Path, state: Path, *, new: bool = False, session: Session | None = None
) -> WhyApp:
    return WhyApp(path, state_dir=state, new=new, session=session)


def tree(app: WhyApp) -> WhyTree:
    return app.session_screen.query_one(WhyTree)


def labels(app: WhyApp) -> list[str]:
    """Every tree line's label as drawn (glyph, words, category), in tree order."""
    widget = tree(app)
    lines: list[str] = []

    def walk(node: TreeNode[Row]) -> None:
        lines.append(widget.render_label(node, Style(), Style()).plain)
        for child in node.children:
            walk(child)

    walk(widget.root)
    return lines


def screen_text(app: App[object]) -> str:
    """What the terminal shows for the current screen, as plain lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def selected(app: WhyApp) -> str:
    return tree(app).selected_id


async def select(pilot: Pilot[None], app: WhyApp, node_id: str) -> None:
    app.session_screen.select(node_id)
    await pilot.pause()


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type into the focused field key by key, the way a facilitator does."""
    await pilot.press(*[{" ": "space"}.get(ch, ch) for ch in text])


def structure(session: Session) -> list[tuple[int, str, str]]:
    """(depth, id, text) of the problem and every why, in tree order."""
    rows = [(0, ROOT_ID, session.problem)]
    rows += [(session.depth(n.id), n.id, n.text) for n in session.nodes]
    return rows


def tree_structure(app: WhyApp) -> list[tuple[int, str, str]]:
    """The same, read from the tree widget."""
    widget = tree(app)
    rows: list[tuple[int, str, str]] = []

    def walk(node: TreeNode[Row], depth: int) -> None:
        assert node.data is not None
        node_id = node.data.node_id
        text = app.session.problem if node_id == ROOT_ID else app.session.node(node_id).text
        rows.append((depth, node_id, text))
        for child in node.children:
            walk(child, depth + 1)

    walk(widget.root, 0)
    return rows


async def burst(pilot: Pilot[None], text: str) -> None:
    """Type `text` in one burst: every key queued before the first is handled, as a laggy link
    or a paste without bracketed paste delivers them; returns once all have been handled."""
    app = pilot.app
    driver = app._driver
    assert driver is not None
    for character in text:
        key = "space" if character == " " else character
        driver.send_message(events.Key(key, character))
    await pilot.pause()
    while app.keys_waiting:  # type: ignore[attr-defined]
        await pilot.pause()
