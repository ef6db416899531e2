"""The session's details (title, date, incidents, people, services) are edited in the app."""

import datetime as dt
from pathlib import Path

from textual.widgets import Input
from whyapp_kit import SIZE, demo_session, open_app, screen_text, write

from whytui.store import sessionfile
from whytui.ui.screens.details import DetailsScreen


async def _fill(app: object, **values: str) -> None:
    for field, value in values.items():
        app.screen.query_one(f"#{field}", Input).value = value  # type: ignore[attr-defined]


async def test_details_are_saved_as_one_undoable_edit(tmp_path: Path) -> None:
    path = write(tmp_path, demo_session())
    app = open_app(path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("D")
        assert isinstance(app.screen, DetailsScreen)
        await _fill(
            app,
            title="Payments timeouts [b]Friday[/b]",
            incidents="INC-2380, INC-2381 ,",
            services="payments-api, postgres-main, pgbouncer",
            date="2026-10-17",
        )
        await pilot.press("ctrl+o")
        assert not isinstance(app.screen, DetailsScreen)
        assert app.session.title == "Payments timeouts [b]Friday[/b]"
        assert app.session.incidents == ("INC-2380", "INC-2381")
        assert app.session.services == ("payments-api", "postgres-main", "pgbouncer")
        assert app.session.date == dt.date(2026, 10, 17)
        assert app.title == "Payments timeouts [b]Friday[/b]"
        await app.flush_autosave()
        assert sessionfile.load(path).services[-1] == "pgbouncer"
        await pilot.press("u")
        assert app.session.title == demo_session().title


async def test_a_bad_date_or_empty_title_is_refused_and_the_form_stays(tmp_path: Path) -> None:
    path = write(tmp_path, demo_session())
    app = open_app(path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("D")
        await _fill(app, date="17/10/2026")
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, DetailsScreen)
        assert "Not saved: date" in screen_text(app)
        await _fill(app, date="2026-10-17", title="  ")
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, DetailsScreen)
        assert "Not saved: title" in screen_text(app)
        await pilot.press("escape")
        assert app.session == demo_session()
