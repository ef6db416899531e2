"""Action items in the team's tracker, as values: what to file, and what a ticket says back.

An action item that lives only in a session file dies there; it has to sit in the backlog,
competing with feature work. So `whytui actions push` files each open item without a tracker
reference as a ticket, and `whytui actions sync` reads the tickets back: closed upstream means
done (with the close date and what closed it as evidence), reopened means open again, and a
due date or assignee changed in the tracker is reported. This module decides all of that on
values; talking to a tracker is `whytui.trackers`, and writing the file is the store's.

Every ticket carries its item's marker (`whytui:<id>`), so a re-run, or a crash between filing
and writing the reference back, finds the ticket instead of filing it twice.
"""

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from whytui.core import edits
from whytui.core.config import Config, TrackerConfig
from whytui.core.models import ActionItem, ActionStatus, Session
from whytui.core.text import one_line

UMBRELLA_LABEL = "whytui"
"""Every ticket whytui files has this label, so a team can find them all, and so can we."""

TITLE_LENGTH = 120


def marker(action_id: str) -> str:
    """The words that tie a ticket to its action item, in every tracker."""
    return f"whytui:{action_id}"


@dataclass(frozen=True, slots=True)
class TicketDraft:
    """A ticket to file for one action item, before any tracker has seen it."""

    action_id: str
    title: str
    body: str
    """Markdown; each tracker turns it into its own format and adds the marker its own way."""
    due: dt.date | None
    assignee: str
    """The tracker account `[tracker.people]` maps the owner to; "" when it maps none."""
    labels: tuple[str, ...]

    @property
    def marker(self) -> str:
        return marker(self.action_id)


@dataclass(frozen=True, slots=True)
class Ticket:
    """What a tracker says of one ticket."""

    ref: str
    """What the session file keeps: a URL, or a key like PAY-123 or ENG-42."""
    closed: bool
    closed_on: dt.date | None = None
    closed_by: str = ""
    """What closed it, where the tracker says: a pull request's URL."""
    due: dt.date | None = None
    assignee: str = ""
    marker: str = ""
    """The marker found on the ticket ("" when it carries none)."""


def to_push(session: Session) -> list[ActionItem]:
    """Open items no tracker holds yet: what `push` files."""
    return [a for a in session.actions if a.status is ActionStatus.OPEN and not a.tracker]


def draft(session: Session, action: ActionItem, where: str, config: Config) -> TicketDraft:
    """The ticket for `action`: its words, when it is done, the causes it addresses, and the
    review it came from (`where`: the session file's path in the repository)."""
    tracker = config.tracker
    names = {c.id: c.name for c in config.all_categories()}
    causes = [session.node(c) for c in action.causes if any(n.id == c for n in session.nodes)]
    lines = [action.text.strip(), ""]
    if action.done_when.strip():
        lines += [f"**Done when:** {one_line(action.done_when)}", ""]
    if causes:
        lines.append("**Root causes it addresses:**")
        for node in causes:
            category = names.get(node.category or "", node.category or "open")
            lines.append(f"- {one_line(node.text)} ({category})")
        lines.append("")
    review = (
        f"**From the review:** {one_line(session.title)} ({session.date.isoformat()}), `{where}`"
    )
    if session.incidents:
        review += f"; incidents {', '.join(session.incidents)}"
    lines.append(review)
    if action.owner:
        lines.append(f"**Owner in the review:** {action.owner}")
    if action.due:
        lines.append(f"**Due:** {action.due.isoformat()}")
    categories = tuple(dict.fromkeys(n.category for n in causes if n.category))
    labels = tuple(
        dict.fromkeys((UMBRELLA_LABEL, *(tracker.labels if tracker else ()), *categories))
    )
    return TicketDraft(
        action_id=action.id,
        title=_title(action.text),
        body="\n".join(lines),
        due=action.due,
        assignee=account_for(action.owner, tracker),
        labels=labels,
    )


def _title(text: str) -> str:
    line = one_line(text)
    if len(line) <= TITLE_LENGTH:
        return line
    cut = line[: TITLE_LENGTH - 1].rsplit(" ", 1)[0]
    return cut + "…"


def account_for(owner: str, tracker: TrackerConfig | None) -> str:
    """The tracker account of a session's owner name: only as `[tracker.people]` maps it,
    compared without regard to case or spacing; a guess would assign someone else's work."""
    if tracker is None or not owner.strip():
        return ""
    wanted = " ".join(owner.split()).casefold()
    for name, account in tracker.people.items():
        if " ".join(name.split()).casefold() == wanted:
            return account
    return ""


class Change(Enum):
    DONE = "done"
    REOPENED = "reopened"
    DUE = "due-changed"
    ASSIGNEE = "assignee-changed"


@dataclass(frozen=True, slots=True)
class SyncFinding:
    """One way the session file and the tracker disagree about an item."""

    action_id: str
    change: Change
    message: str
    applies: bool
    """Written into the session by `sync` (done, reopened); else only reported."""


def compare(
    session: Session, tickets: dict[str, Ticket], config: Config, today: dt.date
) -> list[SyncFinding]:
    """Where the tracker's tickets (by action id) and the session's items disagree."""
    findings: list[SyncFinding] = []
    for action in session.actions:
        ticket = tickets.get(action.id)
        if ticket is None:
            continue
        done = action.status is ActionStatus.DONE
        if ticket.closed and not done:
            when = (ticket.closed_on or today).isoformat()
            findings.append(
                SyncFinding(action.id, Change.DONE, f"closed in the tracker on {when}", True)
            )
        elif not ticket.closed and done:
            findings.append(
                SyncFinding(action.id, Change.REOPENED, "open again in the tracker", True)
            )
        if ticket.due is not None and ticket.due != action.due:
            was = action.due.isoformat() if action.due else "none"
            findings.append(
                SyncFinding(
                    action.id,
                    Change.DUE,
                    f"due {ticket.due.isoformat()} in the tracker, {was} in the session",
                    False,
                )
            )
        expected = account_for(action.owner, config.tracker)
        if ticket.assignee and expected and ticket.assignee.casefold() != expected.casefold():
            findings.append(
                SyncFinding(
                    action.id,
                    Change.ASSIGNEE,
                    f"assigned to {ticket.assignee} in the tracker; the session's owner "
                    f"{action.owner} maps to {expected}",
                    False,
                )
            )
    return findings


def apply(session: Session, tickets: dict[str, Ticket], findings: list[SyncFinding],
          today: dt.date) -> Session:  # fmt: skip
    """The session with what the tracker decided written in: closed tickets done (dated,
    with what closed them as evidence), reopened ones open again."""
    for finding in findings:
        ticket = tickets[finding.action_id]
        if finding.change is Change.DONE:
            evidence = ticket.closed_by or ticket.ref
            session = edits.mark_done(
                session, finding.action_id, f"closed in {evidence}", ticket.closed_on or today
            )
        elif finding.change is Change.REOPENED:
            session = edits.update_action(
                session, finding.action_id, status=ActionStatus.OPEN, done_on=None, evidence=""
            )
    return session
