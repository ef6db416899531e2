"""The team's tracker, one face for three: GitHub Issues, Jira (Cloud and Data Center), Linear.

`tracker_for(config, environ)` returns a `Tracker`, which files a `TicketDraft`, finds a
ticket by its item's marker, and reads a ticket by the reference the session keeps. What to
file and what a ticket means for an action item is decided in `whytui.core.tracking`; each
tracker's API is in its own private module, all of them speaking HTTP through `_http`.

Tokens come from the environment (or `gh auth token`), are sent in a header and nowhere else:
no error, log line or exception text carries one (`_http.Conduit` scrubs them), and a base
URL that is not HTTPS is refused unless it is loopback, where the tests' fake trackers live.
"""

from collections.abc import Mapping
from typing import Protocol

from whytui.core.config import TrackerConfig
from whytui.core.tracking import Ticket, TicketDraft


class TrackerError(Exception):
    """A tracker call that failed, said for people: what happened and what to do next.
    Never carries a token."""


class Tracker(Protocol):
    """What push and sync need of a tracker."""

    name: str
    """For messages: "GitHub acme/payments", "Jira PAY", "Linear ENG"."""

    def find(self, marker: str) -> Ticket | None:
        """The ticket carrying `marker`, closed ones included, or None: what makes filing
        idempotent. Reads the tracker's primary store, not a search index that lags."""

    def create(self, draft: TicketDraft) -> Ticket:
        """File the ticket, with `draft.marker` on it where `find` looks."""

    def read(self, ref: str) -> Ticket:
        """The ticket a session's `tracker` reference names."""

    def close(self) -> None:
        """Let go of the connection."""


def tracker_for(config: TrackerConfig, environ: Mapping[str, str]) -> Tracker:
    """The tracker `config` names, with credentials from `environ`; TrackerError when they
    are missing (saying which variables to set)."""
    if config.kind == "github":
        from whytui.trackers.github import GitHub

        return GitHub.from_config(config, environ)
    if config.kind == "jira":
        from whytui.trackers.jira import Jira

        return Jira.from_config(config, environ)
    from whytui.trackers.linear import Linear

    return Linear.from_config(config, environ)


__all__ = ["Tracker", "TrackerError", "tracker_for"]
