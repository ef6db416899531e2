"""A small stand-in for the whytui app, to test screens on the app contract alone.

It holds what screens read (a reactive `session`, `config`, `path`, `read_only`,
`flush_autosave`, `commit_session`) and applies `EditSession` and `JumpTo` the way `WhyApp`
does, recording them so tests can assert on what a screen asked for. Its base screen stands
for the tree.
"""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from textual.reactive import var
from textual.screen import Screen

from whytui.core.config import Config
from whytui.core.models import ActionItem, ClosingAnswers, Session, WhyNode
from whytui.store.drafts import DraftStore
from whytui.ui.key_router import RoutedApp
from whytui.ui.messages import EditSession, JumpTo
from whytui.ui.screens.actions import ActionsScreen
from whytui.ui.sharing import READ_ONLY

OPEN_LEAF = "w-open0000leaf"
ROOT_CAUSE = "w-cause000root"
SECOND_CAUSE = "w-cause000two0"
PERSON_LEAF = "w-person00leaf"
ACTION = "a-pool00000001"
VAGUE_ACTION = "a-vague0000001"


def make_session(*, finished: bool = False) -> Session:
    """A review with two root causes; `finished` makes it one that may close."""
    nodes = [
        WhyNode(id="w-pods00000001", parent="root", text="Pods could not get connections."),
        WhyNode(
            id=ROOT_CAUSE,
            parent="w-pods00000001",
            text="Postgres max_connections is lower than the sum of all pool sizes.",
            category="capacity-limit",
        ),
        WhyNode(
            id=SECOND_CAUSE,
            parent="root",
            text="The charge endpoint accepts retries without an idempotency key.",
            category="missing-check",
        ),
    ]
    actions = [
        ActionItem(
            id=ACTION,
            text="Set each service's pool size in the shared chart under max_connections.",
            owner="Greta Lind",
            due=dt.date(2026, 10, 30),
            done_when="CI fails a chart change whose pools add up to over 90% of max.",
            causes=(ROOT_CAUSE,),
        )
    ]
    closing = ClosingAnswers()
    if finished:
        actions.append(
            ActionItem(
                id="a-idem00000001",
                text="Require an Idempotency-Key header on POST /charges.",
                owner="Kofi Mensah",
                due=dt.date(2026, 11, 6),
                done_when="A POST /charges without the header returns 400 in staging.",
                causes=(SECOND_CAUSE,),
            )
        )
        closing = ClosingAnswers(
            would_have_prevented="Pool sizes checked against max_connections on every change.",
            where_else="Every service sharing postgres-main, and the search cluster.",
        )
    else:
        nodes.append(
            WhyNode(
                id=OPEN_LEAF,
                parent="w-pods00000001",
                text="The release opened a connection per request.",
            )
        )
    return Session(
        title="Payments API timeouts",
        date=dt.date(2026, 10, 16),
        problem="22% of payment requests timed out after the release.",
        nodes=tuple(nodes),
        actions=tuple(actions),
        closing=closing,
    )


class HostApp(RoutedApp[None]):
    """Pushes the screen `make_screen` builds, over an empty base screen."""

    session: var[Session] = var(make_session)
    access_note: var[str] = var("")

    def __init__(
        self,
        make_screen: Callable[[], Screen[None]],
        session: Session | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__()
        self._make_screen = make_screen
        if session is not None:
            self.set_reactive(HostApp.session, session)
        self.config = Config()
        self.path = Path("sessions/2026-10-16-payments-api-timeouts.toml")
        self.read_only = read_only
        self.access_note = READ_ONLY if read_only else ""
        self.drafts = DraftStore(None, self.path)
        self.commit_note = ""
        self.wrote_config = False
        self.edits: list[str] = []
        self.jumps: list[JumpTo] = []
        self.flushed: list[Session] = []

    def on_mount(self) -> None:
        self.push_screen(self._make_screen())

    def on_edit_session(self, message: EditSession) -> None:
        self.edits.append(message.label)
        self.session = message.session

    async def on_jump_to(self, message: JumpTo) -> None:
        """As the app does: an action item opens the actions screen on it; a node, the tree."""
        self.jumps.append(message)
        if message.action_id is not None:
            if not isinstance(self.screen, ActionsScreen):
                self.push_screen(ActionsScreen(select=message.action_id))
            return
        while len(self.screen_stack) > 1:
            await self.pop_screen()

    async def flush_autosave(self) -> OSError | None:
        self.flushed.append(self.session)
        return None

    async def commit_session(self, branch: bool = False) -> None:
        """This host has no git: committing does nothing."""

    def ask_handover(self) -> None:
        """This host holds its session alone: there is nobody to ask."""
