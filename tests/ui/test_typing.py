"""Every character of a fast burst arrives, in every text field, with the live verdicts shown.

The form judges the item on every keystroke and redraws its verdict, the tree's editor looks
for similar causes as it is typed: nothing of that may cost a character, nor hide one (a
verdict that grows past the screen brings a scrollbar, which must not cover the field's end).
Each field first gets a few words (so the verdict is on screen), then 200 characters in one
burst.
"""

import string
from pathlib import Path

from textual.widgets import Input, TextArea
from ui_host import HostApp, make_session
from whyapp_kit import SIZE, burst, demo_session, open_app, screen_text, write

from whytui.ui.screens.closing import ClosingScreen
from whytui.ui.widgets.editor import WhyInput

START = "Look into"
"""Vague, so the action form's verdict is on screen (and red) before the burst."""
BURST = "".join(string.ascii_letters[(i * 7) % 52] if i % 9 else " " for i in range(200))


async def test_the_why_editor_keeps_every_character(tmp_path: Path) -> None:
    app = open_app(write(tmp_path / "sessions", demo_session()), tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *START)
        await burst(pilot, BURST)
        assert app.query_one(WhyInput).text == START + BURST


async def test_each_action_field_keeps_every_character(tmp_path: Path) -> None:
    app = open_app(write(tmp_path / "sessions", demo_session()), tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("A", "a")
        for field in ("text", "owner", "done-when", "tracker"):
            widget = app.screen.query_one(f"#{field}", Input)
            app.screen.set_focus(widget)
            await burst(pilot, START)
            if field == "text":
                assert "vague" in str(app.screen.query_one("#text-verdict").render())
            await burst(pilot, BURST)
            assert widget.value == START + BURST, field
            if field == "text":  # and the end of it is on screen, where the cursor is
                shown = next(line for line in screen_text(app).splitlines() if "Change" in line)
                assert shown.rstrip().endswith(BURST[-30:].rstrip()), shown


async def test_the_closing_answers_keep_every_character() -> None:
    app = HostApp(ClosingScreen, make_session())
    async with app.run_test(size=SIZE) as pilot:
        for field in ("would-have-prevented", "where-else"):
            area = app.screen.query_one(f"#{field}", TextArea)
            app.screen.set_focus(area)
            await burst(pilot, START + BURST)
            assert area.text == START + BURST, field


async def test_the_details_keep_every_character(tmp_path: Path) -> None:
    app = open_app(write(tmp_path / "sessions", demo_session()), tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("D")
        for field in ("title", "incidents", "facilitator", "participants", "services"):
            widget = app.screen.query_one(f"#{field}", Input)
            app.screen.set_focus(widget)
            widget.value = ""
            await burst(pilot, START + BURST)
            assert widget.value == START + BURST, field
