"""Large sessions stay correct where they were made fast.

The speed itself is measured in benchmarks/bench_large.py, never asserted. What is tested
here is what the speed-ups must not change: the bytes a session is written as (the common
strings are written directly, not through tomli-w), the answers of the node index the panel
under the tree uses on each cursor move, and a 10,000-node session that opens, scrolls to its
last line, takes a why deep in the tree and gives it back on undo.
"""

import sys
from pathlib import Path

import tomli_w
from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import Tree
from whyapp_kit import SIZE, open_app, selected, tree, type_text

from strategies import any_sessions
from whytui.core import edits
from whytui.core.ids import ROOT_ID
from whytui.core.models import Session
from whytui.core.nodeindex import node_index
from whytui.store import sessionfile
from whytui.ui.app import WhyApp

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
from bench_large import large_session

SHORT_TEXT = st.text(st.characters(codec="utf-8"), max_size=80).filter(lambda t: "\n" not in t)


@given(SHORT_TEXT)
def test_short_text_is_written_exactly_as_tomli_w_writes_it(text: str) -> None:
    assert sessionfile._toml({"text": text}) == tomli_w.dumps({"text": text})


@given(any_sessions())
def test_the_node_index_answers_as_the_session_does(session: Session) -> None:
    index = node_index(session)
    for node in session.nodes:
        assert index.node(node.id) == session.node(node.id)
        assert index.depth(node.id) == session.depth(node.id)
        assert index.children(node.id) == session.children(node.id)
    assert index.children(ROOT_ID) == session.children(ROOT_ID)
    if session.nodes:
        edited, new_id = edits.add_why(session, session.nodes[-1].id, "Why again?")
        assert node_index(edited).node(new_id).text == "Why again?", "a new version, a new index"


def shown(app: WhyApp) -> list[tuple[int, str]]:
    """(depth, id) of each line of the tree, in order (linear: whyapp_kit's are quadratic)."""
    lines: list[tuple[int, str]] = []
    stack = [(0, tree(app).root)]
    while stack:
        depth, node = stack.pop()
        assert node.data is not None
        lines.append((depth, node.data.node_id))
        stack += [(depth + 1, child) for child in reversed(node.children)]
    return lines


def expected(session: Session) -> list[tuple[int, str]]:
    index = node_index(session)
    return [(0, ROOT_ID), *((index.depth(n.id), n.id) for n in session.nodes)]


async def test_ten_thousand_nodes_open_scroll_to_the_end_and_take_an_undoable_why(
    tmp_path: Path,
) -> None:
    session = large_session(10_000)
    path = tmp_path / "large.toml"
    sessionfile.save(session, path)
    app = open_app(path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        assert shown(app) == expected(session)
        await pilot.press("end")
        await pilot.pause()
        assert selected(app) == app.session.nodes[-1].id
        open_leaves = [n for n in session.leaves() if not n.is_root_cause]
        deepest = max(open_leaves, key=lambda n: node_index(session).depth(n.id))
        app.session_screen.select(deepest.id)
        await pilot.press("a")
        await type_text(pilot, "Nothing checked it")
        await pilot.press("enter")
        await pilot.pause()
        added = app.session.children(deepest.id)
        assert [n.text for n in added] == ["Nothing checked it"]
        assert selected(app) == added[0].id
        assert shown(app) == expected(app.session)
        await pilot.press("u")
        await pilot.pause()
        assert app.session == session
        assert shown(app) == expected(session)
        assert await app.flush_autosave() is None
    assert sessionfile.load(path) == session


async def test_the_tree_lays_out_its_lines_as_textual_does(tmp_path: Path) -> None:
    """WhyTree builds its line table itself (faster); Textual's own must give the same."""
    path = tmp_path / "session.toml"
    sessionfile.save(large_session(600, seed=3), path)
    app = open_app(path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        widget = tree(app)
        for number, node in enumerate(widget._by_id.values()):
            if number % 7 == 3 and node.children:
                node.collapse()  # folded branches leave their lines out
        await pilot.press("pagedown", "pagedown", "down")

        def table() -> tuple[object, ...]:
            lines = [([id(n) for n in line.path], line.last) for line in widget._tree_lines]
            numbers = [node._line for node in widget._by_id.values()]
            return lines, numbers, widget.virtual_size, widget.cursor_line

        widget._build()
        ours = table()
        Tree._build(widget)
        assert table() == ours
        assert len(ours[0]) < 601, "some lines were folded away"
