"""Plain `whytui`: the repository's sessions, to open one or start one."""

import shutil
from pathlib import Path

import pytest
from whyapp_kit import SIZE, screen_text, type_text

from whytui.commands.cli import main
from whytui.ui.app import WhyApp
from whytui.ui.browse_app import BrowseApp
from whytui.ui.screens.browse import Choice

pytestmark = pytest.mark.usefixtures("a_terminal")

EXAMPLES = Path(__file__).parents[2] / "sessions"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    sessions = tmp_path / "sessions"
    shutil.copytree(EXAMPLES, sessions)
    (sessions / "2027-01-01-broken-0000.toml").write_text("schema = 1\ntitle = [\n")
    return sessions


async def test_sessions_are_listed_newest_first_with_their_progress(folder: Path) -> None:
    app = BrowseApp(folder)
    async with app.run_test(size=SIZE):
        text = screen_text(app)
        lines = [line for line in text.splitlines() if "2026-" in line or "⚠" in line]
        assert "⚠ 2027-01-01-broken-0000.toml" in lines[0]
        assert "can't be read: invalid TOML" in text
        assert "2026-11-03  open    Search results stale for six hours" in lines[1]
        assert "2026-08-12  closed  Checkout outage: Redis ran out of memory" in text
        assert "2 open leaves · 1 root cause · 1 action item" in text
        assert "4 root causes · 4 action items" in text


async def test_enter_opens_the_highlighted_session(folder: Path) -> None:
    app = BrowseApp(folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_value == Choice(path=sorted(folder.glob("*.toml"))[-2])


async def test_n_starts_a_new_session_from_a_title(folder: Path) -> None:
    app = BrowseApp(folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Queue stuck")
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_value == Choice(title="Queue stuck")


async def test_an_empty_folder_says_how_to_start(tmp_path: Path) -> None:
    app = BrowseApp(tmp_path / "sessions")
    async with app.run_test(size=SIZE) as pilot:
        assert "No sessions in" in screen_text(app)
        assert "Press n to start one." in screen_text(app)
        await pilot.press("q")
    assert app.return_value is None


def test_plain_whytui_opens_the_chosen_session(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = sorted(folder.glob("2026-*.toml"))[0]
    opened: list[Path] = []
    monkeypatch.chdir(folder.parent)
    (folder.parent / ".git").mkdir()
    monkeypatch.setattr(BrowseApp, "run", lambda self: Choice(path=chosen))

    def run(self: WhyApp) -> None:
        opened.append(self.path)
        self.document.close()

    monkeypatch.setattr(WhyApp, "run", run)
    assert main([]) == 0
    assert opened == [chosen]
