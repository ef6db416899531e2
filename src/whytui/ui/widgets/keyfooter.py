"""The footer of every screen: Textual's, rebuilt only when the keys it shows change.

Textual's footer rebuilds itself on every bindings update, and opening a screen sends three
in a row (the focus, the resume, the refresh after the focus), with the same keys each time.
A rebuild mounts and styles a widget per key, which the first frame waits for
(`benchmarks/README.md` has what the wasted ones cost).

`_bindings_ready` is Textual's private flag of `Footer` (checked against the exact pin); a
public "bindings changed" signal on `Footer` would replace reading it.
"""

from typing import Any

from textual.widgets import Footer


class KeyFooter(Footer):
    _built: tuple[Any, ...] | None = None
    """What the keys on show were built from; None before the first rebuild."""

    def _keys_to_show(self) -> tuple[Any, ...]:
        """Everything `Footer.compose` reads (Textual 8.2): the screen's active bindings, each
        enabled or not and with its tooltip, and the footer's own settings."""
        bindings = tuple(
            (key, binding, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
        )
        ready, compact, palette = self._bindings_ready, self.compact, self.show_command_palette
        return (ready, compact, palette, self.combine_groups, bindings)

    async def recompose(self) -> None:
        if self.is_attached:
            keys = self._keys_to_show()
            if keys == self._built:
                return
            self._built = keys
        await super().recompose()
