"""The banner at the top of every screen of a read-only window: one text, one look."""

from textual.content import Content
from textual.widgets import Static

from whytui.ui.sharing import READ_ONLY


class ReadOnlyBanner(Static):
    def __init__(self) -> None:
        super().__init__(Content(READ_ONLY), id="read-only-banner")
