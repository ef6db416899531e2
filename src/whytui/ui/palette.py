"""The command palette (ctrl+p): every action of the current screen, searchable by name."""

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from whytui.ui.keys import Key, key_groups


class WhyCommands(Provider):
    def _keys(self) -> list[Key]:
        return [key for group in key_groups(self.screen) for key in group.keys]

    async def _run(self, key: Key) -> None:
        await key.owner.run_action(key.binding.action)

    async def discover(self) -> Hits:
        for key in self._keys():
            yield DiscoveryHit(
                Content(key.description), partial(self._run, key), key.description, key.keys
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for key in self._keys():
            score = matcher.match(key.description)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(key.description),
                    partial(self._run, key),
                    key.description,
                    key.keys,
                )
