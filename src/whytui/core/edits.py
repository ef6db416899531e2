"""Every change the app makes to a session, as pure functions from session to session.

Sessions are frozen, so undo is a stack of earlier sessions and a background save can never
see half an edit. These functions keep the model's invariants themselves (nodes in tree order,
links only to nodes that exist) instead of revalidating the whole session, so an edit costs the
same on a 2,000-node tree as on a 20-node one.
"""

import datetime as dt
from typing import Any

from whytui.core.ids import ROOT_ID, new_id
from whytui.core.models import (
    ActionItem,
    ActionStatus,
    ClosingAnswers,
    Session,
    WhyNode,
    action_order,
)


class EditError(ValueError):
    """An edit that would break the tree (moving a node under itself, say)."""


def _taken(session: Session) -> set[str]:
    return {n.id for n in session.nodes} | {a.id for a in session.actions}


def _subtree_end(nodes: tuple[WhyNode, ...], index: int) -> int:
    """Index just past the subtree that starts at `index` (nodes are in tree order)."""
    inside = {nodes[index].id}
    end = index + 1
    while end < len(nodes) and nodes[end].parent in inside:
        inside.add(nodes[end].id)
        end += 1
    return end


def _index(session: Session, node_id: str) -> int:
    for position, node in enumerate(session.nodes):
        if node.id == node_id:
            return position
    raise EditError(f"no node '{node_id}' in this session")


def subtree_ids(session: Session, node_id: str) -> list[str]:
    start = _index(session, node_id)
    return [n.id for n in session.nodes[start : _subtree_end(session.nodes, start)]]


def add_why(session: Session, parent_id: str, text: str) -> tuple[Session, str]:
    """Add a why as the last child of `parent_id` (a node id or ``root``)."""
    node = WhyNode(id=new_id("w", _taken(session)), parent=parent_id, text=text)
    nodes = session.nodes
    at = len(nodes) if parent_id == ROOT_ID else _subtree_end(nodes, _index(session, parent_id))
    updated = session.model_copy(update={"nodes": (*nodes[:at], node, *nodes[at:])})
    return updated, node.id


def add_sibling(session: Session, node_id: str, text: str) -> tuple[Session, str]:
    """Add another cause beside `node_id`, right after its subtree."""
    nodes = session.nodes
    position = _index(session, node_id)
    node = WhyNode(id=new_id("w", _taken(session)), parent=nodes[position].parent, text=text)
    at = _subtree_end(nodes, position)
    return session.model_copy(update={"nodes": (*nodes[:at], node, *nodes[at:])}), node.id


def _replace_node(session: Session, node_id: str, **changes: Any) -> Session:
    position = _index(session, node_id)
    nodes = list(session.nodes)
    nodes[position] = WhyNode.model_validate(nodes[position].model_dump() | changes)
    return session.model_copy(update={"nodes": tuple(nodes)})


def edit_text(session: Session, node_id: str, text: str) -> Session:
    """Change a why's text, or the problem statement when `node_id` is ``root``."""
    if node_id == ROOT_ID:
        return set_fields(session, problem=text)
    return _replace_node(session, node_id, text=text)


def close_as_root_cause(session: Session, node_id: str, category: str, judged: str = "") -> Session:
    """Mark a leaf as a structural root cause. Whether it may be is `rules.leaf_close_problems`.

    `judged`: the room's written reason for calling it structural where the cause judge reads
    a person (kept on the node, for reviewers)."""
    return _replace_node(session, node_id, category=category, judged=judged.strip())


def reopen(session: Session, node_id: str) -> Session:
    return _replace_node(session, node_id, category=None, judged="")


def set_evidence(session: Session, node_id: str, evidence: tuple[str, ...]) -> Session:
    return _replace_node(session, node_id, evidence=evidence)


def delete_node(session: Session, node_id: str) -> Session:
    """Remove a why and everything under it, and unlink actions from removed root causes."""
    start = _index(session, node_id)
    end = _subtree_end(session.nodes, start)
    removed = {n.id for n in session.nodes[start:end]}
    actions = tuple(
        a.model_copy(update={"causes": tuple(c for c in a.causes if c not in removed)})
        if removed.intersection(a.causes)
        else a
        for a in session.actions
    )
    nodes = (*session.nodes[:start], *session.nodes[end:])
    return session.model_copy(update={"nodes": nodes, "actions": action_order(nodes, actions)})


def move_node(session: Session, node_id: str, new_parent: str) -> Session:
    """Move a why (with its subtree) to be the last child of `new_parent`."""
    start = _index(session, node_id)
    end = _subtree_end(session.nodes, start)
    block = session.nodes[start:end]
    if new_parent in {n.id for n in block}:
        raise EditError("a why can't move under itself or its own answers")
    if new_parent != ROOT_ID:
        _index(session, new_parent)
    rest = (*session.nodes[:start], *session.nodes[end:])
    moved = (block[0].model_copy(update={"parent": new_parent}), *block[1:])
    if new_parent == ROOT_ID:
        at = len(rest)
    else:
        parent_at = next(i for i, n in enumerate(rest) if n.id == new_parent)
        at = _subtree_end(rest, parent_at)
    nodes = (*rest[:at], *moved, *rest[at:])
    return session.model_copy(
        update={"nodes": nodes, "actions": action_order(nodes, session.actions)}
    )


# -- action items ----------------------------------------------------------------------------


def _check_fields(session: Session, fields: dict[str, Any]) -> None:
    """An item's id is whytui's to mint and never changes; its causes must be nodes here."""
    if "id" in fields:
        raise EditError("an action item's id is minted by whytui and never changes")
    known = {n.id for n in session.nodes}
    unknown = [c for c in fields.get("causes", ()) if c not in known]
    if unknown:
        raise EditError(f"no node {', '.join(map(repr, unknown))} to link")


def add_action(session: Session, **fields: Any) -> tuple[Session, str]:
    _check_fields(session, fields)
    action = ActionItem.model_validate({"id": new_id("a", _taken(session)), **fields})
    actions = action_order(session.nodes, (*session.actions, action))
    return session.model_copy(update={"actions": actions}), action.id


def update_action(session: Session, action_id: str, **changes: Any) -> Session:
    _check_fields(session, changes)
    actions = list(session.actions)
    for position, action in enumerate(actions):
        if action.id == action_id:
            actions[position] = ActionItem.model_validate(action.model_dump() | changes)
            ordered = action_order(session.nodes, tuple(actions))
            return session.model_copy(update={"actions": ordered})
    raise EditError(f"no action item '{action_id}' in this session")


def mark_done(session: Session, action_id: str, evidence: str, on: dt.date) -> Session:
    return update_action(
        session, action_id, status=ActionStatus.DONE, evidence=evidence, done_on=on
    )


def delete_action(session: Session, action_id: str) -> Session:
    remaining = tuple(a for a in session.actions if a.id != action_id)
    if len(remaining) == len(session.actions):
        raise EditError(f"no action item '{action_id}' in this session")
    return session.model_copy(update={"actions": remaining})


# -- the session itself ----------------------------------------------------------------------


def set_closing(session: Session, would_have_prevented: str, where_else: str) -> Session:
    closing = ClosingAnswers(would_have_prevented=would_have_prevented, where_else=where_else)
    return session.model_copy(update={"closing": closing})


def set_fields(session: Session, **changes: Any) -> Session:
    """Change header fields (title, problem, status, participants…), validated."""
    data = session.model_dump() | changes
    return Session.model_validate(data)
