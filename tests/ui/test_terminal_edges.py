"""Terminals as they come: shrunk to 40x12 and back, and text that isn't one cell a letter.

Resizing down to 40x12 (a tmux split) and back must neither crash nor leave the app deaf,
whatever is open at the time. CJK and emoji take two cells, Arabic and Hebrew run right to
left: the tree's guides, glyphs and categories must stay in their columns (the snapshot), and
a label cut to fit must be cut by cells, not by characters.
"""

import datetime as dt
from pathlib import Path
from typing import Any

from rich.cells import cell_len
from textual.pilot import Pilot
from whyapp_kit import (
    OPEN_STRUCTURAL,
    PERSON,
    SIZE,
    demo_session,
    labels,
    open_app,
    screen_text,
    select,
    selected,
    type_text,
    write,
)

from whytui.core.models import Session, WhyNode
from whytui.ui.app import WhyApp
from whytui.ui.screens.category import CategoryScreen
from whytui.ui.widgets.editor import WhyInput

SMALL = (40, 12)
FULLWIDTH = "fullwidth ASCII".translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})

WIDE = Session(
    title="支付接口超时 — 결제 시간 초과 🔥",
    date=dt.date(2026, 11, 27),
    problem="支付接口在 16:02 至 16:49 之间超时\uff0c22% 的请求失败。",
    nodes=(
        WhyNode(id="w-0000000000a1", parent="root", text="部署机器人 🤖 同时重启了所有 pod 🚀🚀"),
        WhyNode(
            id="w-0000000000a2",
            parent="w-0000000000a1",
            text="لم يتحقق أي اختبار من حجم مجمع الاتصالات قبل النشر",
        ),
        WhyNode(
            id="w-0000000000a3",
            parent="w-0000000000a2",
            text="ההתראה לא נשלחה כי הסף היה גבוה מדי",
            category="monitoring-gap",
        ),
        WhyNode(
            id="w-0000000000a4",
            parent="w-0000000000a1",
            text="数据库连接池配置在所有服务之间共享但没有任何检查确保总数低于数据库允许的最大连接数",
            category="missing-check",
        ),
        WhyNode(
            id="w-0000000000a5",
            parent="root",
            text="The runbook (דף הנחיות, 运行手册) assumes knowledge 👩‍💻 new engineers lack",
        ),
        WhyNode(id="w-0000000000a6", parent="root", text=f"{FULLWIDTH} and ⚠️ signs"),
    ),
)


async def shrink_and_grow(pilot: Pilot[None]) -> None:
    await pilot.resize_terminal(*SMALL)
    await pilot.pause()
    assert pilot.app.screen._compositor.render_strips(), "something is drawn at 40x12"
    await pilot.resize_terminal(*SIZE)
    await pilot.pause()


async def test_shrinking_to_40x12_and_back_keeps_the_app_working(
    demo_path: Path, tmp_path: Path
) -> None:
    app = open_app(demo_path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, OPEN_STRUCTURAL)
        await shrink_and_grow(pilot)
        await pilot.press("n")  # the next open leaf: the app still answers keys
        await pilot.pause()
        assert selected(app) != OPEN_STRUCTURAL
        assert "Problem:" in screen_text(app)


async def test_resizing_with_the_editor_or_a_dialog_open(demo_path: Path, tmp_path: Path) -> None:
    app = open_app(demo_path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, OPEN_STRUCTURAL)
        await pilot.press("a")
        await type_text(pilot, "No idempotency")
        await shrink_and_grow(pilot)
        assert isinstance(app.focused, WhyInput), "typing goes on where it was"
        await pilot.press("enter")
        await pilot.pause()
        assert [n.text for n in app.session.children(OPEN_STRUCTURAL)] == ["No idempotency"]

        await select(pilot, app, PERSON)
        await pilot.press("r")
        await pilot.pause()
        await shrink_and_grow(pilot)
        assert isinstance(app.screen, CategoryScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.session_screen


async def test_everything_can_be_done_at_40x12(demo_path: Path, tmp_path: Path) -> None:
    app = open_app(demo_path, tmp_path / "state")
    async with app.run_test(size=SMALL) as pilot:
        await select(pilot, app, OPEN_STRUCTURAL)
        await pilot.press("a")
        await type_text(pilot, "Retries")
        await pilot.press("enter", "u")
        await pilot.pause()
        assert app.session == demo_session()
        assert all(cell_len(line) <= SMALL[0] for line in screen_text(app).splitlines())


async def test_wide_labels_are_cut_by_cells_and_keep_their_category(tmp_path: Path) -> None:
    app = open_app(write(tmp_path / "sessions", WIDE), tmp_path / "state")
    async with app.run_test(size=SIZE):
        shown = labels(app)
        cut = next(line for line in shown if line.startswith("■ 数据库"))
        assert cut.endswith("…  [missing-check]")
        lines = screen_text(app).splitlines()
        assert all(cell_len(line) == SIZE[0] for line in lines), "every row is 80 cells"


def test_wide_and_right_to_left_text_keeps_the_tree_aligned(
    snap_compare: Any, tmp_path: Path
) -> None:
    app = open_app(write(tmp_path / "sessions", WIDE), tmp_path / "state")

    async def on_the_hebrew_leaf(pilot: Pilot[Any]) -> None:
        assert isinstance(pilot.app, WhyApp)
        await select(pilot, pilot.app, "w-0000000000a3")

    assert snap_compare(app, terminal_size=SIZE, run_before=on_the_hebrew_leaf)
