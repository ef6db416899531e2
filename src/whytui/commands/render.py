"""`whytui render PATH`: the session as Markdown, for a pull request or a wiki."""

import argparse
import sys
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "render",
        help="write the session as Markdown for a pull request or a wiki",
        description=(
            "Write the session as Markdown: metadata, the problem, the why-tree with its root "
            "causes, the action items and the closing answers. Exit 2 on unreadable input."
        ),
    )
    parser.add_argument("path", type=Path, metavar="PATH", help="the session file")
    parser.add_argument(
        "--mermaid", action="store_true", help="add a Mermaid flowchart of the why-tree"
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write to FILE instead of standard output",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from whytui.core.errors import InputError
    from whytui.core.render import render
    from whytui.store.repo_config import config_for
    from whytui.store.sessionfile import load

    try:
        session = load(args.path)
        text = render(session, config_for(args.path.absolute().parent), mermaid=args.mermaid)
    except InputError as error:
        print(f"whytui render: {error}", file=sys.stderr)
        return 2
    if args.output is None:
        sys.stdout.write(text)
        return 0
    if args.output.resolve() == args.path.resolve():
        print(
            f"whytui render: {args.output} is the session file itself; choose another output "
            "file (the session was left as it is)",
            file=sys.stderr,
        )
        return 2
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"whytui render: {args.output}: cannot be written: {error.strerror}", file=sys.stderr)
        return 2
    return 0
