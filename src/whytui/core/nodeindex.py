"""Lookups by id over a session's nodes, built once for each version of the session.

`Session.node`, `children` and `depth` scan every node: nothing for a review of fifty whys,
but the panel under the tree asks them on every cursor move, and at ten thousand nodes the
scans were most of a keystroke's time. An index is built on first use for one `nodes` tuple
and kept for the latest one only: an edit makes a new tuple, so a stale index is never used.
"""

from whytui.core.ids import ROOT_ID
from whytui.core.models import Session, WhyNode


class NodeIndex:
    def __init__(self, nodes: tuple[WhyNode, ...]) -> None:
        self.nodes = nodes
        self._by_id = {node.id: node for node in nodes}
        self._children: dict[str, list[WhyNode]] = {}
        for node in nodes:
            self._children.setdefault(node.parent, []).append(node)

    def node(self, node_id: str) -> WhyNode:
        return self._by_id[node_id]

    def children(self, parent_id: str) -> list[WhyNode]:
        return self._children.get(parent_id, [])

    def depth(self, node_id: str) -> int:
        """1 for a why under the problem, 2 under that, and so on."""
        depth = 0
        while node_id != ROOT_ID:
            depth += 1
            node_id = self._by_id[node_id].parent
        return depth


_latest: NodeIndex | None = None


def node_index(session: Session) -> NodeIndex:
    """The index of `session`'s nodes (the one built last time, if the nodes are the same)."""
    global _latest
    latest = _latest
    if latest is None or latest.nodes is not session.nodes:
        latest = _latest = NodeIndex(session.nodes)
    return latest
