"""The banner at the top of every screen of a read-only window: one text, one look.

It follows the app's `access_note` (who holds the file, when their last save came in) and is
hidden while this window holds the file, so a hand-over shows on every screen at once.
"""

from textual.content import Content
from textual.widgets import Static


class ReadOnlyBanner(Static):
    DEFAULT_CSS = """
    ReadOnlyBanner.-hidden {
        display: none;
    }
    """

    def __init__(self) -> None:
        super().__init__(id="read-only-banner", classes="-hidden")

    def on_mount(self) -> None:
        self.watch(self.app, "access_note", self._show)

    def _show(self, note: str) -> None:
        self.update(Content(note))
        self.set_class(not note, "-hidden")
