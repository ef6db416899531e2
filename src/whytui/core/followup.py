"""Action items across sessions: what is open, what is overdue, what got done, and by whom.

The seed's test of a review process is follow-through: items written in the room get done.
Every session lives in git, so the follow-up list is computed from the files themselves, with
no tracker to keep in sync; each item carries its session and the root causes it addresses so
that a stale item still says why it mattered.
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from whytui.core.corpus import Corpus, SessionEntry
from whytui.core.models import ActionItem, ActionStatus, WhyNode

NO_OWNER = "(no owner)"
"""The owner group of items nobody owns (a problem in itself, so it is shown, not hidden)."""


class State(StrEnum):
    OVERDUE = "overdue"
    OPEN = "open"
    DONE = "done"


_STATE_ORDER = {State.OVERDUE: 0, State.OPEN: 1, State.DONE: 2}


def state_of(action: ActionItem, today: dt.date) -> State:
    """Overdue means open with a due date before `today` (due today is not late yet)."""
    if action.status is ActionStatus.DONE:
        return State.DONE
    if action.due is not None and action.due < today:
        return State.OVERDUE
    return State.OPEN


@dataclass(frozen=True, slots=True)
class FollowUp:
    """One action item, where it was agreed, and the root causes it answers."""

    action: ActionItem
    entry: SessionEntry
    causes: tuple[WhyNode, ...]
    state: State

    @property
    def owner(self) -> str:
        return " ".join(self.action.owner.split()) or NO_OWNER

    def days_late(self, today: dt.date) -> int:
        """Days past the due date (0 when not overdue)."""
        due = self.action.due
        return (today - due).days if self.state is State.OVERDUE and due else 0


def follow_ups(corpus: Corpus, today: dt.date) -> list[FollowUp]:
    """Every action item of every session, in session order then file order."""
    items: list[FollowUp] = []
    for entry in corpus.entries:
        if not entry.session.actions:
            continue
        nodes = {n.id: n for n in entry.session.nodes}
        for action in entry.session.actions:
            causes = tuple(nodes[c] for c in action.causes if c in nodes)
            items.append(FollowUp(action, entry, causes, state_of(action, today)))
    return items


def _urgency(item: FollowUp) -> tuple[int, dt.date, str, str]:
    due = item.action.due or dt.date.max
    return (_STATE_ORDER[item.state], due, item.entry.stem, item.action.id)


def overdue_actions(corpus: Corpus, today: dt.date) -> list[FollowUp]:
    """Open items past their due date, longest overdue first."""
    return sorted((i for i in follow_ups(corpus, today) if i.state is State.OVERDUE), key=_urgency)


def by_owner(items: list[FollowUp]) -> list[tuple[str, list[FollowUp]]]:
    """Items grouped by owner (names compared case-insensitively), owners in alphabetical
    order with nobody's items last; in a group, overdue first, then open, then done, by due."""
    groups: dict[str, tuple[str, list[FollowUp]]] = {}
    for item in items:
        key = item.owner.casefold()
        groups.setdefault(key, (item.owner, []))[1].append(item)
    ordered = sorted(groups.items(), key=lambda kv: (kv[1][0] == NO_OWNER, kv[0]))
    return [(name, sorted(group, key=_urgency)) for _, (name, group) in ordered]


def owned_by(items: list[FollowUp], owners: list[str]) -> list[FollowUp]:
    """Items whose owner is one of `owners`, whole names compared case-insensitively."""
    wanted = {" ".join(o.split()).casefold() for o in owners}
    return [i for i in items if i.owner.casefold() in wanted]


class ActionLookupError(LookupError):
    """No item, or more than one, matches an id; `candidates` lists what did match."""

    def __init__(self, message: str, candidates: list[FollowUp]) -> None:
        super().__init__(message)
        self.candidates = candidates


def find_action(items: list[FollowUp], query: str) -> FollowUp:
    """The one item whose id is `query`, or starts with it (``a-`` may be left out).

    An exact id wins over longer ids it is a prefix of; an id found in two sessions (a copied
    file) is ambiguous like any other.
    """
    wanted = query.strip().lower()
    if not wanted:
        raise ActionLookupError("give an action item id", [])
    prefixes = (wanted,) if wanted.startswith("a-") else (wanted, f"a-{wanted}")
    exact = [i for i in items if i.action.id in prefixes]
    found = exact or [i for i in items if i.action.id.startswith(prefixes)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise ActionLookupError(f"no action item has an id starting '{query}'", [])
    raise ActionLookupError(f"'{query}' matches {len(found)} action items", found)
