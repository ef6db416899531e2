"""How the facilitator's screens look at 80x24: the tree, the category picker, the refusal.

Update after an intended change with `uv run pytest tests/test_ui_snapshots.py --snapshot-update`
and review the SVGs in the diff like any other change.
"""

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from whyapp_kit import PERSON, SIZE, demo_session, open_app, write

from whytui.ui.app import WhyApp


def demo(tmp_path: Path) -> WhyApp:
    return open_app(write(tmp_path / "sessions", demo_session()), tmp_path / "state")


async def on_kofi(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, WhyApp)
    await pilot.pause()
    app.session_screen.select(PERSON)
    await pilot.pause()


def test_the_tree(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(demo(tmp_path), terminal_size=SIZE, run_before=on_kofi)


def test_the_tree_in_the_light_theme(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(demo(tmp_path), terminal_size=SIZE, run_before=on_kofi, press=["ctrl+t"])


def test_the_category_picker(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(demo(tmp_path), terminal_size=SIZE, run_before=on_kofi, press=["r"])


def test_the_refusal(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(demo(tmp_path), terminal_size=SIZE, run_before=on_kofi, press=["r", "1"])


def test_asking_the_reframing_question(snap_compare: Any, tmp_path: Path) -> None:
    app = demo(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=on_kofi, press=["r", "1", "w"])


def test_the_help_screen(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(demo(tmp_path), terminal_size=SIZE, press=["question_mark"])
