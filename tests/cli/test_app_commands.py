"""`whytui demo`, `whytui open`, `whytui new`: what they open, and what they refuse to touch.

The app itself is replaced by a recorder here (its flows are tested with Pilot elsewhere), so
these tests see exactly which file each command hands to it, and what it leaves on disk.
"""

import os
from pathlib import Path

import pytest

from whytui.commands import app as app_commands
from whytui.commands.cli import main
from whytui.store import sessionfile
from whytui.store.lock import lock_path
from whytui.store.repo_config import load_config
from whytui.ui.app import WhyApp

pytestmark = pytest.mark.usefixtures("a_terminal")


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[WhyApp]:
    """Apps the commands started, instead of running them in the terminal."""
    started: list[WhyApp] = []

    def run(self: WhyApp) -> None:
        started.append(self)
        self.document.close()

    monkeypatch.setattr(WhyApp, "run", run)
    return started


def test_demo_opens_a_scratch_copy_outside_the_working_folder(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[WhyApp],
    capsys: pytest.CaptureFixture[str],
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert main(["demo"]) == 0
    (app,) = opened
    assert app.path.is_relative_to(tmp_path / "cache")
    assert app.session.title == "Payments API timeouts during the Friday release"
    assert not app.read_only
    assert list(work.iterdir()) == []
    assert load_config(app.path.parent / ".whytui.toml").system_names == ()
    assert str(app.path) in capsys.readouterr().out
    assert main(["demo"]) == 0
    assert opened[1].path != app.path, "each demo gets its own copy"


def test_open_refuses_an_unreadable_file_and_leaves_it_as_it_was(
    tmp_path: Path, opened: list[WhyApp], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('schema = 1\ntitle = "x"\ndate = 2026-01-01\nproblem = \n')
    assert main(["open", str(path)]) == 2
    assert opened == []
    err = capsys.readouterr().err
    assert err.startswith(f"whytui: {path}:4: invalid TOML")
    assert "Nothing was changed" in err
    assert path.read_text() == 'schema = 1\ntitle = "x"\ndate = 2026-01-01\nproblem = \n'
    assert list(tmp_path.iterdir()) == [path], "no lock file, no temp file"


def test_open_a_missing_file_says_so(
    tmp_path: Path, opened: list[WhyApp], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["open", str(tmp_path / "nope.toml")]) == 2
    assert "nope.toml: no such file" in capsys.readouterr().err


def test_open_a_session_opens_that_file(tmp_path: Path, opened: list[WhyApp]) -> None:
    source = Path(__file__).parents[2] / "sessions"
    path = tmp_path / "s.toml"
    path.write_bytes(next(source.glob("*.toml")).read_bytes())
    assert main(["open", str(path)]) == 0
    assert opened[0].path == path
    assert opened[0].session == sessionfile.load(path)


def test_new_starts_a_session_in_the_repositorys_sessions_folder(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[WhyApp],
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".whytui.toml").write_text('sessions = "reviews/incidents"\n')
    (tmp_path / "src").mkdir()
    monkeypatch.chdir(tmp_path / "src")
    assert main(["new", "Checkout  outage"]) == 0
    (app,) = opened
    assert app.path.parent == tmp_path / "reviews" / "incidents"
    assert app.path.name.startswith(f"{app.session.date.isoformat()}-checkout-outage-")
    assert app.session.title == "Checkout outage"
    assert app.session_screen.ask_problem
    assert not app.path.exists()
    assert "nothing was saved" in capsys.readouterr().out


def test_new_needs_a_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opened: list[WhyApp]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "  "]) == 2
    assert opened == []


def test_old_demo_copies_are_cleared_but_open_ones_kept(tmp_path: Path) -> None:
    old, busy = tmp_path / "demo-old", tmp_path / "demo-busy"
    for folder in (old, busy):
        folder.mkdir()
        (folder / "x.toml").write_text("")
    lock_path(busy / "x.toml").write_text("")
    for folder in (old, busy):
        os.utime(folder, (0, 0))
    app_commands.demo_copy(tmp_path)
    assert not old.exists()
    assert busy.exists()
