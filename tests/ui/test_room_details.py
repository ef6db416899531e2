"""Small things met in the room at 80x24: cut words say so, the moved why stays in sight,
dialogs say the keys they take, reasons wrap without a word alone, notices leave dialogs
readable."""

from pathlib import Path

from textual.content import Content
from whyapp_kit import SIZE, demo_session, open_app, screen_text, select, write

from whytui.core import edits
from whytui.core.ids import ROOT_ID
from whytui.core.models import Session
from whytui.ui.screens.category import CategoryScreen
from whytui.ui.usertext import hanging

LONG_PROBLEM = " ".join(f"word{n}" for n in range(80)) + " THE-END"


async def test_the_words_under_the_tree_end_with_an_ellipsis_when_cut(tmp_path: Path) -> None:
    session = demo_session().model_copy(update={"problem": LONG_PROBLEM})
    app = open_app(write(tmp_path / "sessions", session), tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = screen_text(app).splitlines()
        start = next(i for i, line in enumerate(shown) if line.strip().startswith("word0 "))
        assert shown[start + 2].rstrip().endswith("…"), shown[start : start + 3]
        assert "THE-END" not in screen_text(app).split("────")[-1]


def _long_tree() -> tuple[Session, str]:
    """The demo, and 30 more whys under the problem: the last is far down the tree."""
    session = demo_session()
    for n in range(30):
        session, last = edits.add_why(session, ROOT_ID, f"Why number {n} in a long list.")
    return session, last


async def test_the_why_being_moved_stays_in_sight(tmp_path: Path) -> None:
    session, deepest = _long_tree()
    app = open_app(write(tmp_path / "sessions", session), tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, deepest)
        await pilot.press("m")
        await pilot.pause()
        tree_part = screen_text(app).split("Moving")[0]
        assert "Why number 29 in a long list." in tree_part, "the moved line is above the banner"


async def test_the_category_picker_offers_the_numbers_there_are(tmp_path: Path) -> None:
    app = open_app(write(tmp_path / "sessions", demo_session()), tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "down", "down", "r")
        assert isinstance(app.screen, CategoryScreen)
        assert "1-8 picks" in screen_text(app)


def test_a_reason_never_leaves_one_word_alone_on_its_last_line() -> None:
    reason = (
        "'should have known' judges what a person should have done instead of what the "
        "system made easy (rule: counterfactual)"
    )
    for width in range(40, 100):
        lines = hanging(Content("  · "), reason, width).plain.splitlines()
        if len(lines) > 1:
            assert " " in lines[-1].strip(), (width, lines)


async def test_a_notice_over_a_dialog_leaves_its_words_readable(tmp_path: Path) -> None:
    app = open_app(write(tmp_path / "sessions", demo_session()), tmp_path / "state")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("down", "down", "down", "r")  # the tallest dialog: the categories
        assert isinstance(app.screen, CategoryScreen)
        await pilot.pause()
        before = screen_text(app)
        dialog = [line.strip(" │") for line in before.splitlines() if line.startswith(" │")]
        app.notify("A notice that arrives while the dialog is open, long enough to wrap.")
        for _ in range(20):  # the notice is mounted a few frames later
            await pilot.pause(0.05)
            if "A notice that arrives" in screen_text(app):
                break
        after = screen_text(app)
        for line in dialog:
            assert line.strip() in after, f"covered by the notice: {line!r}"
        assert "A notice that arrives" in after
