"""`whytui commit PATH`: commit that one session file, and nothing else, to git."""

import argparse
import sys
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "commit",
        help="commit one session file, and nothing else, to git",
        description=(
            "Commit exactly this session file with a message summarising it; other staged "
            "changes stay staged and out of the commit, and the repository's hooks run. "
            "Exit 0 committed (or nothing to commit), 1 refused, 2 unreadable input."
        ),
    )
    parser.add_argument("path", type=Path, metavar="PATH", help="the session file")
    parser.add_argument(
        "--branch",
        action="store_true",
        help="commit on a new branch review/<session-slug> made from HEAD (never pushed)",
    )
    parser.add_argument(
        "--allow-open",
        action="store_true",
        help="commit a session that can't close yet, marked as work in progress",
    )
    parser.add_argument(
        "--with-config",
        action="store_true",
        help="commit the repository's .whytui.toml too, if it has changes (system names added "
        "during the review): needed when the session passes the closing rules only with them",
    )
    parser.add_argument(
        "-m",
        "--message",
        dest="extra",
        default="",
        metavar="TEXT",
        help="a paragraph to add to the commit message",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from whytui.core.errors import InputError
    from whytui.core.text import escaped, one_line
    from whytui.git.commit import CommitRefused, commit_session
    from whytui.store.repo_config import config_for

    try:
        config = config_for(args.path.absolute().parent)
        result = commit_session(
            args.path,
            branch=args.branch,
            allow_open=args.allow_open,
            config=config,
            extra=args.extra,
            with_config=args.with_config,
        )
    except InputError as error:
        print(f"{escaped(one_line(str(error)))}\nNothing was committed.", file=sys.stderr)
        return 2
    except CommitRefused as refusal:
        print(str(refusal), file=sys.stderr)
        return 1
    print(result.report())
    return 0
