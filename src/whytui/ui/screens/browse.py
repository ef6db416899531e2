"""The sessions of a repository, for plain `whytui`: open one, or start a new one.

Each line says enough to pick the right review in a meeting: the date, whether it is open or
closed, the title, and how far along it is (open leaves, root causes, action items). A file
that can't be read is listed with its problem, not hidden, since it is what `whytui lint`
will complain about next.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from whytui.core.errors import InputError
from whytui.core.models import Session, SessionStatus
from whytui.core.text import plural
from whytui.store.sessionfile import load
from whytui.ui.resources import stylesheet
from whytui.ui.usertext import user_text
from whytui.ui.widgets.keyfooter import KeyFooter


@dataclass(frozen=True, slots=True)
class Listed:
    path: Path
    session: Session | None
    problem: str = ""


def list_sessions(folder: Path) -> list[Listed]:
    """Every `*.toml` in `folder`, newest first, read or with the reason it can't be."""
    listed: list[Listed] = []
    for path in sorted(folder.glob("*.toml"), reverse=True):
        try:
            listed.append(Listed(path, load(path)))
        except InputError as error:
            listed.append(Listed(path, None, str(error.problem)))
    return listed


def _summary(session: Session) -> str:
    parents = {n.parent for n in session.nodes}
    open_leaves = sum(1 for n in session.nodes if n.id not in parents and not n.is_root_cause)
    parts = [plural(len(session.root_causes()), "root cause")]
    parts.append(plural(len(session.actions), "action item"))
    if open_leaves:
        parts.insert(0, plural(open_leaves, "open leaf").replace("leafs", "leaves"))
    return " · ".join(parts)


def _prompt(item: Listed) -> Content:
    if item.session is None:
        return Content.assemble(
            ("⚠ ", "bold $error"),
            user_text(item.path.name, "bold"),
            "\n  can't be read: ",
            user_text(item.problem),
        )
    session = item.session
    closed = session.status is SessionStatus.CLOSED
    return Content.assemble(
        (session.date.isoformat(), "bold"),
        ("  closed  " if closed else "  open    ", "$success" if closed else "$warning"),
        user_text(session.title, "bold"),
        "\n" + " " * 20,
        (_summary(session), "dim"),
    )


class TitleScreen(ModalScreen[str | None]):
    """Ask for the new session's title."""

    CSS_PATH = stylesheet("browse.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="title-cancel")
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content("A new session: what was the incident?"), classes="dialog-title")
            yield Input(placeholder="Checkout outage after the Friday release", id="title")
            yield Static(Content("enter starts it · escape cancels"), classes="dialog-keys")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        title = " ".join(event.value.split())
        if title:
            self.dismiss(title)


@dataclass(frozen=True, slots=True)
class Choice:
    """What the facilitator picked: a file to open, or a title to start a session with."""

    path: Path | None = None
    title: str = ""


class BrowseScreen(Screen[None]):
    CSS_PATH = stylesheet("browse.tcss")
    BINDING_GROUP_TITLE = "Sessions"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New session", id="browse-new"),
        Binding("q,escape", "app.exit", "Quit", id="browse-quit"),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.listed = list_sessions(folder)

    def compose(self) -> ComposeResult:
        yield Header()
        if self.listed:
            yield OptionList(
                *(
                    Option(_prompt(item), id=str(i), disabled=item.session is None)
                    for i, item in enumerate(self.listed)
                ),
                id="sessions",
                compact=True,
            )
        else:
            yield Static(
                Content.assemble(
                    "No sessions in ", user_text(str(self.folder)), " yet. Press n to start one."
                ),
                id="no-sessions",
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "whytui"
        self.sub_title = str(self.folder)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.exit(Choice(path=self.listed[event.option_index].path))

    def action_new(self) -> None:
        def started(title: str | None) -> None:
            if title:
                self.app.exit(Choice(title=title))

        self.app.push_screen(TitleScreen(), started)
