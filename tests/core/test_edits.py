"""Edits keep the model's invariants without revalidating: any sequence of them leaves a
session that validation would leave unchanged, with each record where the file expects it."""

import datetime as dt

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from strategies import blank_sessions, edited_sessions, random_edit, sessions, texts
from whytui.core import edits
from whytui.core.ids import ROOT_ID
from whytui.core.models import ActionStatus, Session
from whytui.store import sessionfile


def assert_canonical(session: Session) -> None:
    """Valid, and already in the order validation puts records in."""
    assert Session.model_validate(session.model_dump(by_alias=True)) == session


def ids(session: Session) -> list[str]:
    return [n.id for n in session.nodes]


def pick(data: st.DataObject, choices: list[str]) -> str:
    return data.draw(st.sampled_from(choices))


@settings(max_examples=60)
@given(st.data())
def test_any_sequence_of_edits_keeps_the_session_valid_and_canonical(data: st.DataObject) -> None:
    session = data.draw(blank_sessions() | sessions(max_nodes=4, max_actions=2))
    for _ in range(data.draw(st.integers(1, 30))):
        session = random_edit(data.draw, session)
        assert_canonical(session)
    assert sessionfile.loads(sessionfile.dumps(session)) == session


@settings(max_examples=50)
@given(sessions(), st.data())
def test_add_why_places_the_node_right_after_its_parents_subtree(
    session: Session, data: st.DataObject
) -> None:
    parent = pick(data, [ROOT_ID, *ids(session)])
    before = ids(session)
    at = (
        len(before)
        if parent == ROOT_ID
        else before.index(parent) + len(edits.subtree_ids(session, parent))
    )
    updated, new = edits.add_why(session, parent, "because")
    assert ids(updated) == [*before[:at], new, *before[at:]]
    assert updated.node(new).parent == parent
    assert updated.children(parent)[-1].id == new
    assert_canonical(updated)


@settings(max_examples=50)
@given(sessions(), st.data())
def test_add_sibling_places_the_node_after_the_nodes_subtree(
    session: Session, data: st.DataObject
) -> None:
    assume(session.nodes)
    node_id = pick(data, ids(session))
    updated, new = edits.add_sibling(session, node_id, "another cause")
    before = ids(session)
    at = before.index(node_id) + len(edits.subtree_ids(session, node_id))
    assert ids(updated) == [*before[:at], new, *before[at:]]
    assert updated.node(new).parent == session.node(node_id).parent
    assert_canonical(updated)


@settings(max_examples=50)
@given(sessions(), st.data())
def test_moving_a_why_under_itself_or_its_answers_is_refused(
    session: Session, data: st.DataObject
) -> None:
    assume(session.nodes)
    node_id = pick(data, ids(session))
    target = pick(data, edits.subtree_ids(session, node_id))
    with pytest.raises(edits.EditError, match="can't move under itself"):
        edits.move_node(session, node_id, target)


@settings(max_examples=50)
@given(sessions(), st.data())
def test_a_moved_why_takes_its_subtree_and_becomes_the_last_child(
    session: Session, data: st.DataObject
) -> None:
    assume(session.nodes)
    node_id = pick(data, ids(session))
    subtree = edits.subtree_ids(session, node_id)
    target = pick(data, [ROOT_ID, *(i for i in ids(session) if i not in subtree)])
    moved = edits.move_node(session, node_id, target)
    assert edits.subtree_ids(moved, node_id) == subtree
    assert moved.node(node_id).parent == target
    assert moved.children(target)[-1].id == node_id
    assert sorted(ids(moved)) == sorted(ids(session))
    assert_canonical(moved)


@settings(max_examples=50)
@given(sessions(), st.data())
def test_deleting_a_why_removes_its_subtree_and_unlinks_actions(
    session: Session, data: st.DataObject
) -> None:
    assume(session.nodes)
    node_id = pick(data, ids(session))
    gone = set(edits.subtree_ids(session, node_id))
    updated = edits.delete_node(session, node_id)
    assert ids(updated) == [i for i in ids(session) if i not in gone]
    assert sorted(a.id for a in updated.actions) == sorted(a.id for a in session.actions)
    for action in updated.actions:
        original = next(a for a in session.actions if a.id == action.id)
        assert action.causes == tuple(c for c in original.causes if c not in gone)
    assert_canonical(updated)


def small() -> tuple[Session, str, str]:
    session = Session(title="t", date=dt.date(2026, 1, 2), problem="p")
    session, top = edits.add_why(session, ROOT_ID, "Redis rejected writes.")
    session, leaf = edits.add_why(session, top, "Keys had no TTL.")
    return session, top, leaf


def test_unknown_records_are_edit_errors() -> None:
    session, _, leaf = small()
    for edit in (
        lambda: edits.add_why(session, "w-gone", "x"),
        lambda: edits.edit_text(session, "w-gone", "x"),
        lambda: edits.delete_node(session, "w-gone"),
        lambda: edits.move_node(session, leaf, "w-gone"),
        lambda: edits.add_action(session, text="x", causes=("w-gone",)),
        lambda: edits.update_action(session, "a-gone", owner="x"),
        lambda: edits.delete_action(session, "a-gone"),
        lambda: edits.add_action(session, text="x", id=leaf),  # would duplicate the node's id
    ):
        with pytest.raises(edits.EditError):
            edit()


def test_edits_validate_what_they_change() -> None:
    session, _, leaf = small()
    with pytest.raises(ValidationError):
        edits.edit_text(session, leaf, "")
    with pytest.raises(ValidationError):
        edits.set_fields(session, title="")
    with pytest.raises(ValidationError):
        edits.add_action(session, text="x", due="next week")


def test_root_text_is_the_problem_statement() -> None:
    session, _, _ = small()
    assert edits.edit_text(session, ROOT_ID, "a new problem").problem == "a new problem"


def test_close_reopen_and_the_life_of_an_action_item() -> None:
    session, _, leaf = small()
    closed = edits.close_as_root_cause(session, leaf, "unsafe-default")
    assert [n.id for n in closed.root_causes()] == [leaf]
    assert edits.reopen(closed, leaf) == session

    linked, action_id = edits.add_action(closed, text="Default TTL of 24h", causes=(leaf,))
    assert [a.id for a in linked.actions_for(leaf)] == [action_id]
    owned = edits.update_action(linked, action_id, owner="Mei", due=dt.date(2026, 2, 1))
    with pytest.raises(edits.EditError, match="never changes"):
        edits.update_action(linked, action_id, id="a-renamed")
    done = edits.mark_done(owned, action_id, "PR 1432", dt.date(2026, 1, 20))
    item = done.actions[0]
    assert (item.owner, item.status, item.evidence) == ("Mei", ActionStatus.DONE, "PR 1432")
    assert item.done_on == dt.date(2026, 1, 20)
    assert edits.delete_action(done, action_id).actions == ()
    for step in (closed, linked, owned, done):
        assert_canonical(step)


@settings(max_examples=50)
@given(edited_sessions(), texts())
def test_editing_one_text_changes_only_that_record(session: Session, text: str) -> None:
    assume(session.nodes)
    node_id = session.nodes[len(session.nodes) // 2].id
    updated = edits.edit_text(session, node_id, text)
    assert [n for n in updated.nodes if n.id != node_id] == [
        n for n in session.nodes if n.id != node_id
    ]
    assert updated.node(node_id).text == text
    assert updated.actions == session.actions
