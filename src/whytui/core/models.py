"""The session model: one review of one incident, as the file stores it and the app edits it.

Models are frozen. An edit makes a new session (see `whytui.core.edits`), which keeps undo a list of
snapshots and lets the autosave worker write a session while the facilitator keeps typing.

Integrity that spans records (unique ids, parents that exist, no cycles, links to real root
causes) is checked here, once, so every way into a session (file, API, tests) meets it. Those
errors carry the table and index of the offending record in their context, which the file
loader turns into a line number.
"""

import datetime as dt
from enum import StrEnum
from typing import Annotated, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from whytui.core.ids import ROOT_ID

SCHEMA_VERSION = 3
"""The `schema` number this whytui writes. Older files are migrated on load. Schema 3 added
a root cause's `judged` and `not_fixing` reasons.

Schema 2 changed only the order records are written in (see `whytui.store.sessionfile.dumps`), so
that two branches adding whys or action items under different nodes merge without conflict.
"""

MAX_TEXT = 10_000
"""Longest text a field may hold: a paragraph a room could read, not a pasted log."""

Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
RequiredText = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=200)]
RecordId = Annotated[str, StringConstraints(pattern=r"^[a-z]+-[0-9a-z]{4,32}$")]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


class SessionStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"


class WhyNode(_Frozen):
    """An answer to "why?" under its parent (another node, or ``root``: the problem).

    A node with a `category` is closed as a structural root cause; a leaf without one is
    still open: the room has to keep asking.
    """

    id: RecordId
    parent: str
    text: RequiredText
    category: ShortText | None = None
    evidence: tuple[Text, ...] = ()
    judged: Text = ""
    """Why the room closed this as structural where the cause judge reads a person: a
    written reason that reviewers see in the pull request and lint reports, never silent."""
    not_fixing: Text = ""
    """Why this root cause gets no action item stronger than the weaker kind (training, a
    reminder), or none at all: "not fixing: the service is retired on 2027-01-31"."""

    @property
    def is_root_cause(self) -> bool:
        return self.category is not None


class ActionItem(_Frozen):
    """A change someone will make, and a check that needs no judgment to say it is done."""

    id: RecordId
    text: RequiredText
    owner: str = ""
    due: dt.date | None = None
    done_when: Text = ""
    causes: tuple[RecordId, ...] = ()
    status: ActionStatus = ActionStatus.OPEN
    tracker: str = ""
    done_on: dt.date | None = None
    evidence: Text = ""

    @property
    def anchor(self) -> str:
        """The node this item belongs beside: its first cause, or ``root`` when it has none."""
        return self.causes[0] if self.causes else ROOT_ID


class ClosingAnswers(_Frozen):
    """The two questions the seed asks before a review may close."""

    would_have_prevented: Text = Field(
        default="",
        description="What would have had to be true for this not to happen?",
    )
    where_else: Text = Field(
        default="",
        description=(
            "What is the next incident this failure mode makes more likely: "
            "where else is the same fragility?"
        ),
    )


class Session(_Frozen):
    """One review of one incident."""

    schema_version: int = Field(default=SCHEMA_VERSION, alias="schema")
    title: RequiredText
    date: dt.date
    status: SessionStatus = SessionStatus.OPEN
    facilitator: str = ""
    incidents: tuple[ShortText, ...] = ()
    participants: tuple[ShortText, ...] = ()
    services: tuple[ShortText, ...] = ()
    problem: RequiredText
    nodes: tuple[WhyNode, ...] = Field(default=(), alias="node")
    actions: tuple[ActionItem, ...] = Field(default=(), alias="action")
    closing: ClosingAnswers = ClosingAnswers()

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        populate_by_name=True,
        # A file without `schema` is refused on load (`sessionfile.migrate`): editors say so too.
        json_schema_extra=lambda schema: schema.update(required=["schema", *schema["required"]]),
    )

    @model_validator(mode="after")
    def _check_integrity(self) -> Self:
        """Refuse sessions whose records don't form one tree, and put records in tree order.

        Nodes go in tree order (each node followed by its subtree, siblings in their given
        order) and action items beside their anchor (`action_order`): the order the app shows
        and, give or take sibling order, the order the file is written in.
        """
        check_integrity(self.nodes, self.actions)
        ordered = tree_order(self.nodes)
        if ordered != self.nodes:
            object.__setattr__(self, "nodes", ordered)
        actions = action_order(ordered, self.actions)
        if actions != self.actions:
            object.__setattr__(self, "actions", actions)
        return self

    # -- queries the core and the UI share ---------------------------------------------------

    def node(self, node_id: str) -> WhyNode:
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)

    def children(self, parent_id: str) -> list[WhyNode]:
        return [n for n in self.nodes if n.parent == parent_id]

    def leaves(self) -> list[WhyNode]:
        parents = {n.parent for n in self.nodes}
        return [n for n in self.nodes if n.id not in parents]

    def root_causes(self) -> list[WhyNode]:
        return [n for n in self.nodes if n.is_root_cause]

    def depth(self, node_id: str) -> int:
        """1 for a why under the problem, 2 under that, and so on."""
        by_id = {n.id: n for n in self.nodes}
        depth = 0
        current = node_id
        while current != ROOT_ID:
            depth += 1
            current = by_id[current].parent
        return depth

    def actions_for(self, node_id: str) -> list[ActionItem]:
        return [a for a in self.actions if node_id in a.causes]


def _integrity_error(kind: str, message: str, table: str, index: int) -> PydanticCustomError:
    # The message is a template pydantic fills from the context in order; passing it as the
    # last value keeps user text in it (a parent named "{table}", say) from being filled in.
    return PydanticCustomError(
        kind, "{message}", {"table": table, "index": index, "message": message}
    )


def check_integrity(nodes: tuple[WhyNode, ...], actions: tuple[ActionItem, ...]) -> None:
    """Raise on the first record that breaks the tree; its table and index ride along."""
    seen: dict[str, int] = {}
    for index, node in enumerate(nodes):
        if node.id in seen:
            raise _integrity_error(
                "duplicate_id",
                f"duplicate id '{node.id}' (also used by node {seen[node.id] + 1})",
                "node",
                index,
            )
        seen[node.id] = index
    for index, node in enumerate(nodes):
        if node.parent != ROOT_ID and node.parent not in seen:
            raise _integrity_error(
                "unknown_parent",
                f"node '{node.id}' names parent '{node.parent}', which is not a node here "
                "(use 'root' for a why under the problem statement)",
                "node",
                index,
            )
    cyclic = _nodes_on_cycles({n.id: n.parent for n in nodes})
    for index, node in enumerate(nodes):
        if node.id in cyclic:  # name a node of the cycle, not one that merely hangs under it
            raise _integrity_error(
                "cycle",
                f"node '{node.id}' is its own ancestor: its parents form a cycle",
                "node",
                index,
            )
    action_ids: dict[str, int] = {}
    for index, action in enumerate(actions):
        if action.id in seen or action.id in action_ids:
            raise _integrity_error("duplicate_id", f"duplicate id '{action.id}'", "action", index)
        action_ids[action.id] = index
        for cause in action.causes:
            if cause not in seen:
                raise _integrity_error(
                    "unknown_cause",
                    f"action '{action.id}' links cause '{cause}', which is not a node here",
                    "action",
                    index,
                )


def _nodes_on_cycles(parent_of: dict[str, str]) -> set[str]:
    """Ids whose parents lead back to themselves. Each node is walked once: linear in the
    number of nodes, so a hostile file with a long chain under a cycle costs no more."""
    walked: set[str] = {ROOT_ID}
    on_cycle: set[str] = set()
    for start in parent_of:
        path: dict[str, int] = {}  # node id -> steps from start
        current = start
        while current not in walked and current not in path:
            path[current] = len(path)
            current = parent_of[current]
        if current in path:
            on_cycle.update(list(path)[path[current] :])
        walked.update(path)
    return on_cycle


def tree_order(nodes: tuple[WhyNode, ...]) -> tuple[WhyNode, ...]:
    """Depth-first order from the root, keeping siblings in their given relative order."""
    children: dict[str, list[WhyNode]] = {}
    for node in nodes:
        children.setdefault(node.parent, []).append(node)
    ordered: list[WhyNode] = []
    stack = list(reversed(children.get(ROOT_ID, [])))
    while stack:
        node = stack.pop()
        ordered.append(node)
        stack.extend(reversed(children.get(node.id, [])))
    return tuple(ordered)


def action_order(
    nodes: tuple[WhyNode, ...], actions: tuple[ActionItem, ...]
) -> tuple[ActionItem, ...]:
    """Action items grouped by anchor (``root`` first, then nodes in the order given), each
    group keeping its items' given order. The file writes each group beside its anchor node."""
    position = {ROOT_ID: -1} | {node.id: index for index, node in enumerate(nodes)}
    return tuple(sorted(actions, key=lambda action: position[action.anchor]))
