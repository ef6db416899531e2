"""The why-tree, driven the way a facilitator does: keys, on an 80x24 terminal."""

import asyncio
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import TextArea
from whyapp_kit import (
    OPEN_STRUCTURAL,
    PERSON,
    PODS,
    RELEASE,
    RETRIED,
    ROOT_CAUSE,
    SIZE,
    demo_session,
    labels,
    open_app,
    screen_text,
    select,
    selected,
    small_session,
    structure,
    tree,
    tree_structure,
    type_text,
    write,
)

from strategies import edited_sessions, random_edit
from whytui.core.ids import ROOT_ID
from whytui.core.models import Session, WhyNode
from whytui.ui.widgets.editor import WhyInput


def demo_app(tmp_path: Path, session: Session | None = None):  # type: ignore[no-untyped-def]
    path = write(tmp_path / "sessions", session or demo_session())
    return open_app(path, tmp_path / "state")


async def test_leaves_are_told_apart_by_glyph_not_colour_alone(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=SIZE):
        shown = labels(app)
        assert shown[0].startswith("▼ Problem: Between 16:02")
        assert "▼ The payments-api pods could not get database connections." in shown
        assert "⚠ Kofi should have known about connection pooling." in shown
        assert "? The charge endpoint accepts retries without an idempotency key." in shown
        cause = next(line for line in shown if "Postgres" in line)
        assert cause.startswith("■ ") and cause.endswith("[capacity-limit]")
        text = screen_text(app)
        assert "│  │  └─ ⚠ Kofi" in text, "tree guides show the depth"


async def test_a_adds_a_why_under_the_selected_node_and_selects_it(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, RETRIED)
        await pilot.press("a")
        assert isinstance(app.focused, WhyInput)
        await type_text(pilot, "No key")
        await pilot.press("enter")
        await pilot.pause()
        new = app.session.children(RETRIED)[-1]
        assert new.text == "No key"
        assert selected(app) == new.id
        assert "why 2 · " + new.id + " · open leaf" in screen_text(app)
        assert tree(app).has_focus


async def test_enter_on_an_open_leaf_asks_why_and_elsewhere_folds(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, OPEN_STRUCTURAL)
        await pilot.press("enter")
        assert isinstance(app.focused, WhyInput)
        await pilot.press("escape")
        assert tree(app).has_focus
        await select(pilot, app, RETRIED)
        await pilot.press("enter")
        await pilot.pause()
        assert "The charge endpoint" not in screen_text(app)
        await pilot.press("space")
        await pilot.pause()
        assert "The charge endpoint" in screen_text(app)


async def test_s_adds_a_sibling_right_after_the_node(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, RELEASE)
        await pilot.press("s")
        await type_text(pilot, "Pools")
        await pilot.press("enter")
        await pilot.pause()
        siblings = [n.text for n in app.session.children(PODS)]
        assert siblings == [
            "The new release opened a connection per request instead of using the pool.",
            "Pools",
            "Postgres max_connections is lower than the sum of all pool sizes.",
        ]
        assert tree_structure(app) == structure(app.session)


async def test_e_edits_in_place_enter_saves_escape_cancels(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, OPEN_STRUCTURAL)
        await pilot.press("e")
        field = app.query_one(WhyInput)
        assert field.text == "The charge endpoint accepts retries without an idempotency key."
        await type_text(pilot, " ever")
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.node(OPEN_STRUCTURAL).text == (
            "The charge endpoint accepts retries without an idempotency key."
        )
        await pilot.press("e")
        field.load_text("Charges accept retries without an idempotency key")
        await pilot.press("enter")
        await pilot.pause()
        node = app.session.node(OPEN_STRUCTURAL)
        assert node.text == "Charges accept retries without an idempotency key"
        assert "? Charges accept retries without an idempotency key" in labels(app)


async def test_the_problem_statement_is_edited_with_e_on_the_root(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, ROOT_ID)
        await pilot.press("e")
        app.query_one(TextArea).load_text("Payments timed out for 47 minutes.")
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.problem == "Payments timed out for 47 minutes."
        assert labels(app)[0] == "▼ Problem: Payments timed out for 47 minutes."


async def test_d_deletes_the_node_with_its_whys_and_keeps_the_cursor_near(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, RELEASE)
        await pilot.press("d")
        await pilot.pause()
        ids = {n.id for n in app.session.nodes}
        assert RELEASE not in ids and PERSON not in ids
        assert selected(app) == PODS
        assert tree_structure(app) == structure(app.session)
        assert "Kofi" not in screen_text(app)


async def test_m_moves_a_node_under_the_parent_picked_with_enter(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, ROOT_CAUSE)
        await pilot.press("m")
        assert "Moving 'Postgres max_connections" in screen_text(app)
        await select(pilot, app, RETRIED)
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.node(ROOT_CAUSE).parent == RETRIED
        assert selected(app) == ROOT_CAUSE
        assert "Moving" not in screen_text(app)
        assert tree_structure(app) == structure(app.session)


async def test_a_node_cannot_move_under_its_own_answers(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        before = app.session
        await select(pilot, app, PODS)
        await pilot.press("m")
        await select(pilot, app, PERSON)
        await pilot.press("enter")
        await pilot.pause()
        assert app.session == before
        assert "Can't move there" in "".join(n.message for n in app._notifications)
        await pilot.press("escape")
        assert "Moving" not in screen_text(app)


async def test_n_and_p_jump_between_open_leaves_and_wrap(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, ROOT_ID)
        await pilot.press("n")
        assert selected(app) == PERSON
        await pilot.press("]")
        assert selected(app) == OPEN_STRUCTURAL
        await pilot.press("n")
        assert selected(app) == PERSON
        await pilot.press("p")
        assert selected(app) == OPEN_STRUCTURAL
        await pilot.press("[")
        assert selected(app) == PERSON


async def test_jumping_to_a_folded_leaf_unfolds_its_branch(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, PODS)
        await pilot.press("space")
        await pilot.pause()
        assert "Kofi" not in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert selected(app) == PERSON
        assert "Kofi" in screen_text(app)


async def test_the_panel_asks_the_question_that_fits_the_node(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        expected = {
            ROOT_ID: ["What would have had to be true for this not to happen?"],
            PERSON: [
                "What made this reasonable at the time?",
                "Why didn't the system make the right behaviour the default?",
            ],
            OPEN_STRUCTURAL: ["Why? Keep asking until it's something you could change."],
            ROOT_CAUSE: ["Is this deep enough to change? Which action item addresses it?"],
        }
        for node_id, questions in expected.items():
            await select(pilot, app, node_id)
            text = screen_text(app)
            for question in questions:
                assert question in text, (node_id, question)
        assert "why 2 · w-8k2l6z0x4cvb · ■ Capacity or design limit · 1 action item" in text


HOSTILE = [
    "[@click=app.quit]x[/]",
    "[b]bold",
    "[$accent]",
    "\x1b[31mred",
    "🔥 on fire",
]


async def test_markup_escapes_and_emoji_in_a_file_show_literally_and_run_nothing(
    tmp_path: Path,
) -> None:
    nodes = tuple(
        WhyNode(id=f"w-hostile{i:05d}", parent="root", text=text) for i, text in enumerate(HOSTILE)
    )
    session = small_session(*nodes).model_copy(update={"problem": "[@click=app.quit]boom[/]"})
    app = demo_app(tmp_path, session)
    async with app.run_test(size=SIZE) as pilot:
        shown = labels(app)
        assert shown[0] == "▼ Problem: [@click=app.quit]boom[/]"
        assert shown[1:] == [
            "? [@click=app.quit]x[/]",
            "? [b]bold",
            "? [$accent]",
            "? ␛[31mred",
            "? 🔥 on fire",
        ]
        text = screen_text(app)
        assert "? [@click=app.quit]x[/]" in text
        assert "? ␛[31mred" in text
        assert "\x1b" not in text
        for line in (0, 1):
            await pilot.click("#tree", offset=(14, line))
            await pilot.pause()
        await select(pilot, app, nodes[0].id)
        await pilot.click("#node-text", offset=(2, 0))
        await pilot.pause()
        assert app.is_running
        assert app.return_code is None
        assert "[@click=app.quit]x[/]" in screen_text(app)


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_following_edits_and_undos_keeps_the_tree_equal_to_the_session(
    tmp_path: Path, data: st.DataObject
) -> None:
    """Each edit, then jumps back and forth through the history (undo, redo): tree == session."""
    history = [data.draw(edited_sessions(max_edits=6))]
    for _ in range(data.draw(st.integers(1, 12))):
        history.append(random_edit(data.draw, history[-1]))
    jumps = data.draw(st.lists(st.integers(0, len(history) - 1), max_size=6))

    async def check() -> None:
        app = demo_app(tmp_path, history[0])
        async with app.run_test(size=SIZE):
            for session in [*history[1:], *(history[i] for i in jumps)]:
                app.session = session  # the tree follows at once, in the watcher
                assert tree_structure(app) == structure(session)

    asyncio.run(check())
