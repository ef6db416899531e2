"""The `whytui` command line: a thin dispatcher over the modules in `whytui.commands`.

Each command module has `register(subparsers)`, which adds its commands and sets `run` on
them. Modules import what they need inside their run functions, so `whytui lint` never loads
Textual or git.
"""

import argparse
import importlib
from collections.abc import Callable, Sequence

COMMAND_MODULES = ("app", "lint", "render", "commit", "actions", "patterns", "schema")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="whytui",
        description="Five-whys incident reviews that keep asking past the first person.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"whytui.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:  # plain `whytui`: the app on this repository's sessions
        from whytui.commands.app import run_browse

        return run_browse(args)
    run: Callable[[argparse.Namespace], int] = args.run
    return int(run(args))
