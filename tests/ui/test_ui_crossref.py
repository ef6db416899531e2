"""The app's looks across sessions: the similar-cause hint, services with the same kinds of
cause on the closing screen, and the overdue action items screen."""

import datetime as dt
from pathlib import Path

from textual.app import ComposeResult
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable
from ui_host import OPEN_LEAF, HostApp, make_session
from whyapp_kit import open_app, screen_text, select, type_text

from crossref_corpus import make_session as make_other
from crossref_corpus import write_session
from whytui.core.followup import overdue_actions
from whytui.store.corpus import load_corpus
from whytui.ui.screens.overdue import OverdueScreen
from whytui.ui.widgets.similar_hint import SimilarHint
from whytui.ui.widgets.where_else import WhereElseArea

D = dt.date
SIZE = (80, 24)
CURRENT = "2026-10-16-payments-api-timeouts"


def _repo(tmp_path: Path) -> Path:
    """A sessions folder with earlier (and one later) sessions; the path of the current one."""
    folder = tmp_path / "sessions"
    others = {
        "2026-08-12-checkout-outage": (
            D(2026, 8, 12),
            ("checkout",),
            [("Session keys are written to Redis without a TTL.", "unsafe-default")],
        ),
        "2026-09-01-ledger-drift": (
            D(2026, 9, 1),
            ("ledger",),
            [("Ledger pool sizes add up to more than max_connections.", "capacity-limit")],
        ),
        "2026-09-20-search-stale": (
            D(2026, 9, 20),
            ("search-indexer",),
            [("No check rejects [@click=app.quit] consumer configs.", "missing-check")],
        ),
        "2026-09-25-auth-deploy": (
            D(2026, 9, 25),
            ("auth",),
            [("The deploy tool hides the config diff.", "tool-hazard")],
        ),
        "2026-12-01-later": (
            D(2026, 12, 1),
            ("future-service",),
            [("Redis session keys carry no TTL and never expire.", "capacity-limit")],
        ),
    }
    for stem, (date, services, causes) in others.items():
        actions = [
            {"id": f"a-{stem[:4]}{stem[5:7]}{stem[8:10]}0001", "text": f"Fix {stem}.",
             "owner": "Greta Lind", "due": date + dt.timedelta(days=14), "causes": [0]}
        ]  # fmt: skip
        write_session(folder, stem, make_other(stem, date, causes, services, actions))
    return write_session(folder, CURRENT, make_session())


class HintScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield SimilarHint(id="hint", pause=0)
        yield WhereElseArea(id="where-else")


async def _settle(app: HostApp, pilot: Pilot[None]) -> None:
    """Let a pending timer fire, then the workers finish: a worker hands its result to the UI
    (call_from_thread) and waits for it, so once they are done the widgets show it."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def _shown(app: HostApp) -> str:
    """The screen's words with line breaks and padding collapsed (hints wrap at 80 columns)."""
    return " ".join(screen_text(app).split())


def _host(path: Path, make_screen: type[Screen[None]]) -> HostApp:
    app = HostApp(make_screen)
    app.path = path
    return app


async def test_the_hint_names_an_earlier_session_with_a_similar_root_cause(tmp_path: Path) -> None:
    app = _host(_repo(tmp_path), HintScreen)
    async with app.run_test(size=SIZE) as pilot:
        hint = app.screen.query_one(SimilarHint)
        assert not hint.display
        hint.consider("Keys in the Redis session store have no TTL")
        await _settle(app, pilot)
        assert hint.hit is not None
        assert hint.hit[1] == "2026-08-12-checkout-outage"  # not the later session
        assert hint.display
        assert (
            "Seen before in 2026-08-12-checkout-outage: “Session keys are written to Redis "
            "without a TTL.”"
        ) in _shown(app)

        hint.consider("The CDN caches error pages for a day.")
        await _settle(app, pilot)
        assert hint.hit is None
        assert not hint.display


async def test_the_hint_shows_markup_in_earlier_sessions_literally(tmp_path: Path) -> None:
    app = _host(_repo(tmp_path), HintScreen)
    async with app.run_test(size=SIZE) as pilot:
        hint = app.screen.query_one(SimilarHint)
        hint.consider("No check rejects [@click=app.quit] consumer configs in CI.")
        await _settle(app, pilot)
        assert "No check rejects [@click=app.quit] consumer configs." in _shown(app)
        assert app.is_running


async def test_the_where_else_box_names_services_with_the_same_kinds_of_cause_before(
    tmp_path: Path,
) -> None:
    app = _host(_repo(tmp_path), HintScreen)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        area = app.screen.query_one(WhereElseArea)
        assert area.services == {
            "ledger": ["2026-09-01-ledger-drift"],
            "search-indexer": ["2026-09-20-search-stale"],
        }
        assert "same kinds of cause before in: ledger (1), search-indexer (1)" in _shown(app)


async def test_the_where_else_box_says_nothing_for_a_session_not_saved_yet(
    tmp_path: Path,
) -> None:
    _repo(tmp_path)
    app = _host(tmp_path / "sessions" / "2026-10-16-not-saved-yet.toml", HintScreen)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        area = app.screen.query_one(WhereElseArea)
        assert area.services == {}
        assert area.border_subtitle is None


async def test_the_overdue_screen_lists_items_across_sessions_longest_overdue_first(
    tmp_path: Path,
) -> None:
    app = _host(_repo(tmp_path), lambda: OverdueScreen(today=D(2026, 10, 1)))
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, OverdueScreen)
        assert [i.entry.stem for i in screen.items] == [
            "2026-08-12-checkout-outage",
            "2026-09-01-ledger-drift",
        ]
        assert screen.query_one(DataTable).row_count == 2
        text = screen_text(app)
        assert "2 overdue action items in 2 sessions, longest overdue first" in text
        assert "Root cause: Session keys are written to Redis without a TTL." in text
        assert "Done? whytui actions done a-202608120001 --evidence LINK" in text
        await pilot.press("down")
        assert "Root cause: Ledger pool sizes add up to more than max_connections." in (
            screen_text(app)
        )
        await pilot.press("escape")
        assert not isinstance(app.screen, OverdueScreen)


# -- wired into the app ----------------------------------------------------------------------


async def test_in_the_app_selecting_or_typing_a_cause_shows_the_hint(tmp_path: Path) -> None:
    path = _repo(tmp_path)
    app = open_app(path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        hint = app.session_screen.query_one(SimilarHint)
        hint.pause = 0
        await select(pilot, app, OPEN_LEAF)  # 'The release opened a connection per request.'
        await _settle(app, pilot)
        assert not hint.display
        await pilot.press("a")
        await type_text(pilot, "Redis session keys get no TTL")
        await _settle(app, pilot)
        assert hint.hit is not None
        assert hint.hit[1] == "2026-08-12-checkout-outage"
        assert "Seen before in 2026-08-12-checkout-outage" in _shown(app)


async def test_in_the_app_shift_o_opens_the_overdue_items(tmp_path: Path) -> None:
    app = open_app(_repo(tmp_path), tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("O")
        await _settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, OverdueScreen)
        expected = overdue_actions(load_corpus([tmp_path / "sessions"]), screen.today)
        assert [i.action.id for i in screen.items] == [i.action.id for i in expected]


async def test_in_the_app_the_closing_screen_names_where_else_it_was_found(
    tmp_path: Path,
) -> None:
    app = open_app(_repo(tmp_path), tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C")
        await _settle(app, pilot)
        area = app.screen.query_one("#where-else", WhereElseArea)
        assert list(area.services) == ["ledger", "search-indexer"]
        assert "same kinds of cause before in: ledger (1), search-indexer (1)" in _shown(app)
