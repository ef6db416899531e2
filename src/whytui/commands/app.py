"""`whytui`, `whytui new`, `whytui open`, `whytui demo`: the commands that open the app.

Everything that can fail before the app starts (an unreadable session file, a broken
`.whytui.toml`) is reported here, as `file:line: problem` on stderr with exit status 2, and
nothing is written. Textual is imported only once a session is ready to open.
"""

import argparse
import datetime as dt
import os
import shutil
import sys
import time
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from whytui.core.config import Config
    from whytui.core.models import Session
    from whytui.ui.app import WhyApp

DEMO_NAME = "2026-10-16-payments-api-timeouts-demo.toml"
DEMO_KEEP_DAYS = 7
NEW_PROBLEM = "(no problem statement yet: select this line and press e)"
"""Stands in for the problem until it is written; nothing is saved before the first edit."""


def register(sub: Any) -> None:
    new = sub.add_parser("new", help="start a session in this repository's sessions folder")
    new.add_argument("title", help='what the incident was, e.g. "Checkout outage"')
    new.set_defaults(run=run_new)
    opened = sub.add_parser("open", help="open a session file")
    opened.add_argument("path", type=Path, help="the session file")
    opened.set_defaults(run=run_open)
    demo = sub.add_parser("demo", help="open a built-in example in a scratch folder")
    demo.set_defaults(run=run_demo)


def _fail(message: str) -> int:
    print(f"whytui: {message}", file=sys.stderr)
    return 2


def terminal_problem() -> str | None:
    """Why there is no terminal for the app to run in (None: there is one)."""
    if not sys.stdin.isatty():
        return "standard input is not a terminal"
    if not sys.stdout.isatty():
        return "standard output is not a terminal"
    term = os.environ.get("TERM", "")
    if term in ("", "dumb"):
        return f"TERM is {term or 'not set'}, a terminal the app can't draw on"
    return None


def _needs_terminal() -> int | None:
    """Exit status 2, said, when there is no terminal: the app would otherwise wait for keys
    that can't come, or draw on something that is no screen."""
    problem = terminal_problem()
    if problem is None:
        return None
    return _fail(
        f"the app needs a terminal, and {problem}. Nothing was opened. Run it in a terminal, "
        "or use the commands that need none: whytui lint, render, actions, patterns."
    )


def prepare_app(
    path: Path,
    *,
    new: bool = False,
    session: "Session | None" = None,
    state_dir: Path | None = None,
) -> "WhyApp":
    """The app on `path`, ready to run; `InputError` if the file or its config is unreadable.

    Startup allocates much and frees almost nothing, so the collector is kept out of it and
    what it built is frozen out of later collections: whytui's first frame is mostly
    imports, which the collector would otherwise scan again and again.
    """
    import gc

    gc.disable()
    try:
        from whytui.store.repo_config import config_for
        from whytui.ui.app import WhyApp

        config = config_for(path.parent)
        return WhyApp(path, session=session, config=config, new=new, state_dir=state_dir)
    finally:
        gc.freeze()
        gc.enable()


def _run_app(path: Path, *, new: bool = False, session: "Session | None" = None) -> int:
    from whytui.core.errors import InputError

    try:
        app = prepare_app(path, new=new, session=session)
    except InputError as error:
        return _fail(f"{error}\nNothing was changed; fix the file and try again.")
    app.run()
    notes = [f"whytui: {note}" for note in app.exit_notes]
    if new and not path.exists():
        notes.append("whytui: nothing was saved: the session had no changes yet.")
    try:
        for note in notes:
            print(note)
        sys.stdout.flush()
    except OSError:
        pass  # the terminal is gone (a hang-up): there is no one to tell
    return app.return_code or 0


def run_open(args: argparse.Namespace) -> int:
    return _needs_terminal() or _run_app(Path(args.path))


def _repository() -> "tuple[Path, Config] | int":
    """This repository's root and config, or exit status 2 after saying what is wrong."""
    from whytui.core.errors import InputError
    from whytui.store.repo_config import config_for, repository_root

    root = repository_root(Path.cwd())
    try:
        return root, config_for(root)
    except InputError as error:
        return _fail(f"{error}\nNothing was changed; fix the file and try again.")


def _start_new(root: Path, config: "Config", title: str) -> int:
    from whytui.core.models import Session
    from whytui.store.sessionfile import new_session_path

    title = " ".join(title.split())
    if not title:
        return _fail('a session needs a title: whytui new "Checkout outage"')
    session = Session(title=title, date=dt.date.today(), problem=NEW_PROBLEM)
    folder = root / config.sessions
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return _fail(f"{folder}: can't create the sessions folder ({error.strerror})")
    return _run_app(new_session_path(folder, session), new=True, session=session)


def run_new(args: argparse.Namespace) -> int:
    if (refused := _needs_terminal()) is not None:
        return refused
    found = _repository()
    if isinstance(found, int):
        return found
    return _start_new(*found, args.title)


def _prune_old_demos(cache: Path) -> None:
    """Remove demo folders from earlier runs, once they are a week old and not open.

    Age is asked first: one stat, where finding a session's lock takes several, and most
    folders are young (every `whytui demo` leaves one).
    """
    cutoff = time.time() - DEMO_KEEP_DAYS * 86400
    for folder in cache.glob("demo-*"):
        try:
            if folder.stat().st_mtime < cutoff and not _demo_in_use(folder):
                shutil.rmtree(folder)
        except OSError:
            continue


def _demo_in_use(folder: Path) -> bool:
    from whytui.store.lock import lock_path

    return any(lock_path(session).exists() for session in folder.glob("*.toml"))


def demo_copy(cache: Path) -> Path:
    """A fresh scratch copy of the demo session, with a repository config of its own."""
    import tempfile

    cache.mkdir(parents=True, exist_ok=True)
    _prune_old_demos(cache)
    folder = Path(tempfile.mkdtemp(prefix="demo-", dir=cache))
    (folder / ".whytui.toml").write_text(
        "# The demo's repository config. whytui adds system names here when you tell it\n"
        "# that a name the judge read as a person is a system.\n",
        encoding="utf-8",
    )
    path = folder / DEMO_NAME
    path.write_bytes(files("whytui").joinpath("data", "demo.toml").read_bytes())
    return path


def run_demo(args: argparse.Namespace) -> int:
    from platformdirs import user_cache_path

    if (refused := _needs_terminal()) is not None:
        return refused
    path = demo_copy(user_cache_path("whytui"))
    status = _run_app(path)
    print(f"whytui: the demo's scratch copy is {path}")
    return status


def run_browse(args: argparse.Namespace) -> int:
    if (refused := _needs_terminal()) is not None:
        return refused
    found = _repository()
    if isinstance(found, int):
        return found
    root, config = found
    from whytui.ui.browse_app import BrowseApp

    choice = BrowseApp(root / config.sessions).run()
    if choice is None:
        return 0
    if choice.path is not None:
        return _run_app(choice.path)
    return _start_new(root, config, choice.title)
