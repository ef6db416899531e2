"""Two windows on one file, as pairing over tmux has them: one edits, the other follows.

The follower names the holder, takes in its saves quietly (a line in the banner, not a toast
each time), and gets the file by itself when the holder quits; `t` asks a live holder to hand
it over, and the holder saves, lets go and follows in turn, losing nothing.
"""

from pathlib import Path

from textual.pilot import Pilot
from whyapp_kit import PODS, ROOT_CAUSE, SIZE, demo_session, open_app, screen_text, write

from whytui.core import edits
from whytui.store import sessionfile
from whytui.ui.app import WhyApp

LOOKS = 50
"""Pauses to wait for the once-a-second look at the lock (each pause lets the app run)."""


def notices(app: WhyApp) -> list[str]:
    return [n.message for n in app._notifications]


async def until(pilot: Pilot[None], condition: object, what: str) -> None:
    """Let the app run until `condition()` holds (the lock is looked at once a second)."""
    for _ in range(LOOKS):
        if condition():  # type: ignore[operator]
            return
        await pilot.pause(0.1)
    raise AssertionError(f"never happened: {what}")


async def test_the_follower_names_the_holder_and_follows_its_saves_quietly(
    tmp_path: Path,
) -> None:
    path = write(tmp_path / "sessions", demo_session())
    holder = open_app(path, tmp_path / "state")
    async with holder.run_test(size=SIZE) as holding:
        follower = open_app(path, tmp_path / "state")
        async with follower.run_test(size=SIZE) as following:
            assert "has this file" in screen_text(follower)
            updated, _ = edits.add_why(holder.session, PODS, "The pool is per pod, not global.")
            holder.document.edit(updated, "add why")
            holder.show_document()
            assert await holder.flush_autosave() is None
            await follower.check_disk()
            await following.pause()
            assert "The pool is per pod, not global." in [n.text for n in follower.session.nodes]
            assert not any("Reloaded" in n for n in notices(follower)), "no toast a save"
            assert "Its saves show here as they happen (the last at" in follower.access_note
            shown = " ".join(line.strip() for line in screen_text(follower).splitlines())
            assert "(the last at" in shown, "the banner says so"
            await holding.pause()


async def test_the_follower_gets_the_file_when_the_holder_quits(tmp_path: Path) -> None:
    path = write(tmp_path / "sessions", demo_session())
    holder = open_app(path, tmp_path / "state")
    follower = open_app(path, tmp_path / "state")
    async with follower.run_test(size=SIZE) as following:
        async with holder.run_test(size=SIZE):
            pass  # the holder quits
        await until(following, lambda: not follower.read_only, "the follower to take the file")
        assert any(n.startswith("You can edit now") for n in notices(follower))
        assert "has this file" not in screen_text(follower)
        await following.press("a", *"Shared", "enter")
        assert await follower.flush_autosave() is None
    assert "Shared" in [n.text for n in sessionfile.load(path).nodes]


async def test_t_asks_the_holder_who_saves_and_hands_over(tmp_path: Path) -> None:
    path = write(tmp_path / "sessions", demo_session())
    holder = open_app(path, tmp_path / "state")
    async with holder.run_test(size=SIZE) as holding:
        await holding.press("down", "down", "down", "down")  # the root cause
        await holding.press("o")  # reopened, and not saved yet when asked for the file
        assert holder.document.dirty
        follower = open_app(path, tmp_path / "state")
        async with follower.run_test(size=SIZE) as following:
            await following.press("t")
            assert any(n.startswith("Asked whytui (pid") for n in notices(follower))
            await until(holding, lambda: holder.read_only, "the holder to hand over")
            assert any("asked for the file" in n for n in notices(holder))
            assert sessionfile.load(path).node(ROOT_CAUSE).category is None, "its edit saved"
            await until(following, lambda: not follower.read_only, "the follower to take it")
            assert follower.session.node(ROOT_CAUSE).category is None, "it sees that edit"
            assert "has this file" in screen_text(holder), "the holder follows now"
            await holding.press("a")
            assert "nothing here would be saved" in notices(holder)[-1]
