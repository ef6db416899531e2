"""The app plain `whytui` runs first: pick a session of this repository, or start one.

It returns the choice and exits; the command then opens the chosen session in `WhyApp`,
which keeps the session app the same however it was reached.
"""

from pathlib import Path

from textual.app import App
from textual.screen import Screen

from whytui.ui.resources import stylesheet
from whytui.ui.screens.browse import BrowseScreen, Choice


class BrowseApp(App[Choice]):
    CSS_PATH = stylesheet("app.tcss")

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def get_default_screen(self) -> Screen[None]:
        return BrowseScreen(self.folder)

    def on_mount(self) -> None:
        self.theme = "textual-dark"
