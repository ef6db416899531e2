"""Every key of the current screen, read from the bindings themselves.

The help screen and the command palette both list what can be done from here. Reading them
from the `BINDINGS` of the widgets on the screen, the screen and the app (the ones with an
`id`: whytui's own) keeps the two lists and the footer from ever disagreeing.
"""

from dataclasses import dataclass

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget


@dataclass(frozen=True, slots=True)
class Key:
    owner: "Widget | App[object]"
    binding: Binding
    keys: str
    """The keys as shown to a person: ``n / ]``."""

    @property
    def description(self) -> str:
        return self.binding.tooltip or self.binding.description


@dataclass(frozen=True, slots=True)
class KeyGroup:
    title: str
    keys: list[Key]


def _own_bindings(owner: DOMNode) -> list[Binding]:
    return [b for b in type(owner).BINDINGS if isinstance(b, Binding) and b.id]


def _shown(app: App[object], binding: Binding) -> str:
    return " / ".join(
        app.get_key_display(Binding(key.strip(), binding.action, key_display=binding.key_display))
        for key in binding.key.split(",")
    )


def key_groups(screen: Screen[object]) -> list[KeyGroup]:
    """The keys of `screen`'s widgets, of `screen`, and of the app, in that order."""
    app = screen.app
    owners: list[Widget | App[object]] = []
    seen: set[type[DOMNode]] = set()
    for widget in screen.query("*"):
        if type(widget) not in seen and _own_bindings(widget):
            seen.add(type(widget))
            owners.append(widget)
    owners += [screen, app]
    groups: list[KeyGroup] = []
    for owner in owners:
        keys = [Key(owner, b, _shown(app, b)) for b in _own_bindings(owner)]
        if keys:
            title = owner.BINDING_GROUP_TITLE or type(owner).__name__
            groups.append(KeyGroup(title, keys))
    return groups
