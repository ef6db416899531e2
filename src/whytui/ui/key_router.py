"""Every key lands where the person meant it: on what has the focus when its turn comes.

Textual hands each key to the focused widget the moment it arrives, and a key's binding runs
only when the key has travelled back up to the app. In a burst (a laggy ssh link, tmux
pairing, a paste without bracketed paste) the keys after `e` are all handed to the tree before
`e` has opened the editor, so `edit` opens the editor *and* deletes the why. Here the app lets
a key through only once the one before it has settled:

- a key handed to a widget that is not a text field (the tree, a table, a list, a screen) is
  followed by a marker down the same queues; the next key waits until the marker is back, with
  nothing left queued on the way (what the key set off, such as enter's Submitted and the Done
  it leads to, has run), by which time its binding has run and any focus it moved has moved;
- printed characters typed into a text field don't wait (they can't move the focus); any
  other key there (enter, escape, tab, ctrl+o) does;
- while a screen opens, keys wait until it has drawn its focus; when one closes, until the
  screen below is back and the closed one's result has been acted on.

Waiting keys keep their order and go, when their turn comes, to what has the focus then.
A safety valve lets them through if something never settles. Pastes wait in line too.
"""

from collections import deque
from typing import Any, TypeVar

from textual import events
from textual.app import App
from textual.await_complete import AwaitComplete
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, TextArea

ReturnType = TypeVar("ReturnType")

VALVE = 2.0
"""Seconds after which waiting keys are let through whatever has not settled: a widget that
swallowed a marker must not leave the keyboard dead."""


class KeySettled(Message):
    """Back at the app from `origin`: what was waited for (`hold`) may have settled."""

    def __init__(self, hold: object, origin: Widget) -> None:
        super().__init__()
        self.hold = hold
        self.origin = origin


def _busy(widget: Widget) -> bool:
    """Messages wait on the way from `widget` to its screen: what the key set off there
    (enter's Submitted, the Done it leads to) has not all run yet."""
    return any(
        node.message_queue_size for node in widget.ancestors_with_self if node is not widget.app
    )


def _types_freely(target: Widget, event: events.Event) -> bool:
    """A printed character into a text field: it can't move the focus, so nothing waits."""
    return (
        isinstance(event, events.Key)
        and event.is_printable
        and isinstance(target, (Input, TextArea))
    )


class RoutedApp(App[ReturnType]):
    """An app whose keys and pastes go one at a time, each to what has the focus then."""

    def __init__(self) -> None:
        super().__init__()
        self._keys_waiting: deque[events.Event] = deque()
        self._keys_holds: set[object] = set()
        self._keys_valve: Timer | None = None

    @property
    def keys_waiting(self) -> bool:
        """Keys or pastes are waiting for something to settle."""
        return bool(self._keys_waiting)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            if (self._keys_holds or self._keys_waiting) and not self._keys_priority(event):
                self._keys_waiting.append(event)
                return
            await self._keys_through(event)
            return
        await super().on_event(event)

    def _keys_priority(self, event: events.Event) -> bool:
        """Keys bound with priority (ctrl+q) never wait: the way out is always open."""
        if not isinstance(event, events.Key):
            return False
        active = self.active_bindings.get(event.key)
        return active is not None and active.binding.priority

    async def _keys_through(self, event: events.Event) -> None:
        target = self.focused or self.screen
        await super().on_event(event)  # Textual: priority bindings, else to the focused widget
        if not _types_freely(target, event):
            self._keys_hold(target, target)

    def _keys_hold(self, hold: object, where: Widget) -> None:
        """Keys wait until a marker sent down `where`'s queue is back at the app."""
        self._keys_holds.add(hold)
        where.post_message(KeySettled(hold, where))
        if self._keys_valve is None:
            self._keys_valve = self.set_timer(VALVE, self._open_keys_valve)

    def on_key_settled(self, message: KeySettled) -> None:
        """What a key set off has run: the next key goes once what that queued (a `focus()`
        is a callback on the app's queue, perhaps behind this marker) has run too."""
        message.stop()
        origin = message.origin
        if origin.is_attached and _busy(origin):  # follow what it set off, down the same queues
            origin.post_message(KeySettled(message.hold, origin))
            return
        self._keys_holds.discard(message.hold)
        self.call_later(self._keys_send)

    async def _open_keys_valve(self) -> None:
        self._keys_valve = None
        if self._keys_holds:
            self.log.warning(f"keys let through unsettled: {self._keys_holds}")
            self._keys_holds.clear()
            await self._keys_send()

    async def _keys_send(self) -> None:
        while self._keys_waiting and not self._keys_holds:
            await self._keys_through(self._keys_waiting.popleft())
        if not self._keys_holds and self._keys_valve is not None:
            self._keys_valve.stop()
            self._keys_valve = None

    # -- screens: keys wait while one opens or closes ----------------------------------------

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        result = super().push_screen(*args, **kwargs)
        self._keys_hold(("open", self.screen), self.screen)
        return result

    def pop_screen(self) -> AwaitComplete:
        closing = self.screen
        result = super().pop_screen()
        self._keys_holds = {h for h in self._keys_holds if not _inside(h, closing)}
        self._keys_hold(("back", self.screen), self.screen)
        return result


def _inside(hold: object, screen: Screen[Any]) -> bool:
    """A hold on a widget of `screen` (whose marker is lost with it)."""
    target = hold[1] if isinstance(hold, tuple) else hold
    return isinstance(target, Widget) and (target is screen or target in screen.walk_children())
