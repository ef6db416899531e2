"""`whytui actions`: action items across sessions, by owner; `actions done` records one done.

The list is for people (text), tools (json), trackers (csv that Jira's and Linear's importers
map column by column) and sprint boards (a Markdown checklist). `--fail-on-overdue` turns it
into a scheduled CI check. Recording completion edits the one session file that holds the
item, through the same model and writer as the app, so the change is a small diff to review.
"""

import argparse
import datetime as dt
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whytui.commands.action_formats import FORMATS, summary
from whytui.commands.corpus_args import UNREADABLE_EXIT, add_repo_argument, load_sessions
from whytui.commands.output import shown, warn, write
from whytui.core.text import one_line

if TYPE_CHECKING:
    pass

OVERDUE_EXIT = 1
REFUSED_EXIT = 1

LIST_EPILOG = """\
exit status:
  0  the items were listed
  1  with --fail-on-overdue: an item listed is overdue (open, due before today)
  2  a sessions folder, .whytui.toml or session file could not be read; each is named on
     stderr as file:line: problem, and the items of every readable session are still listed
     (2 wins over 1: a check that could not read everything is incomplete)
"""

DONE_EPILOG = """\
exit status:
  0  recorded: the session file was saved; commit it with `whytui commit PATH`
  1  refused: no such id, an id prefix that matches several items, an item already done,
     the session open in the app, or evidence or a date that won't do; nothing was written
  2  the session file that holds the item could not be read again or saved; it was left
     as it was
"""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-10-30") from None


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "actions",
        help="action items across sessions, by owner: open, overdue, done",
        description=(
            "Every action item in the sessions folder (of each --repo), grouped by owner, "
            "with its session and the root causes it addresses. Overdue means open with a "
            "due date before today."
        ),
        epilog=LIST_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_repo_argument(parser)
    parser.add_argument("--overdue", action="store_true", help="only overdue items")
    parser.add_argument("--open", action="store_true", help="only items not done yet")
    parser.add_argument(
        "--owner",
        action="append",
        metavar="NAME",
        help="only items of this owner (whole name, any case; '(no owner)' for unowned); "
        "repeat for several",
    )
    parser.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="text",
        help="text for people, json for tools, csv for Jira or Linear import, "
        "markdown for a checklist",
    )
    parser.add_argument(
        "--fail-on-overdue",
        action="store_true",
        help="exit 1 when any item listed is overdue (for a scheduled CI job)",
    )
    parser.add_argument(
        "--today",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the date to judge overdue against (default: today)",
    )
    parser.set_defaults(run=run)

    verbs = parser.add_subparsers(dest="actions_command", metavar="{done}")
    done = verbs.add_parser(
        "done",
        help="record an action item as done, with evidence",
        description=(
            "Record that an action item is done: sets its status, done_on and evidence in "
            "the session file that holds it, and nothing else, ready to commit for review."
        ),
        epilog=DONE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    done.add_argument("id", metavar="ID", help="the item's id, or a unique start of it")
    done.add_argument(
        "--evidence",
        required=True,
        metavar="TEXT-OR-URL",
        help="what shows it is done: a link to the merged change, the alert, the runbook",
    )
    done.add_argument(
        "--on", type=_date, metavar="YYYY-MM-DD", help="the day it was done (default: today)"
    )
    add_repo_argument(done, default=argparse.SUPPRESS)
    done.set_defaults(run=run_done)


# -- listing ---------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> int:
    from whytui.core.followup import State, follow_ups, owned_by

    today: dt.date = args.today or dt.date.today()
    corpus, failures = load_sessions(args.repo)
    items = follow_ups(corpus, today)
    if args.owner:
        items = owned_by(items, args.owner)
    if args.open:
        items = [i for i in items if i.state is not State.DONE]
    if args.overdue:
        items = [i for i in items if i.state is State.OVERDUE]
    output = FORMATS[args.format](items, today)
    if output:
        write(sys.stdout, output)
    if args.format == "text":
        write(sys.stderr, summary(items, len(corpus.entries), today))
    if failures:
        return UNREADABLE_EXIT
    if args.fail_on_overdue and any(i.state is State.OVERDUE for i in items):
        return OVERDUE_EXIT
    return 0


# -- recording completion --------------------------------------------------------------------


def run_done(args: argparse.Namespace) -> int:
    from whytui.core.followup import ActionLookupError, State, find_action, follow_ups

    today = dt.date.today()
    on: dt.date = args.on or today
    evidence = args.evidence.strip()
    if not evidence:
        return _refuse("give --evidence: a link or a sentence that shows the item is done")
    if on > today:
        return _refuse(f"--on {on.isoformat()} is in the future; give the day it was done")
    corpus, failures = load_sessions(getattr(args, "repo", None))
    try:
        item = find_action(follow_ups(corpus, today), args.id)
    except ActionLookupError as error:
        lines = [str(error)]
        lines += [
            f"  {c.action.id}  {shown(c.entry.path)}  {one_line(c.action.text)[:60]}"
            for c in error.candidates
        ]
        if error.candidates:
            lines.append("give more of the id to say which")
        if failures:
            lines.append(f"{failures} input(s) above could not be read: it may be in one of them")
        return _refuse("\n".join(lines))
    action = item.action
    where = shown(item.entry.path)
    if item.state is State.DONE:
        when = f" on {action.done_on.isoformat()}" if action.done_on else ""
        said = f" (evidence: {one_line(action.evidence)})" if action.evidence else ""
        return _refuse(f"{action.id} in {where} is already done{when}{said}; nothing changed")

    return _record(Path(item.entry.path), where, action.id, evidence, on)


def _record(path: Path, where: str, action_id: str, evidence: str, on: dt.date) -> int:
    """Open the session for editing (read again: it may have changed since), mark the item
    done, save: through the same lock and changed-on-disk guard as the app."""
    from pydantic import ValidationError

    from whytui.core.edits import mark_done
    from whytui.core.errors import InputError
    from whytui.store.open_session import OpenSession

    try:
        document = OpenSession.open(path)
    except InputError as error:
        warn(f"{error}; nothing was written")
        return UNREADABLE_EXIT
    with document:
        if (unlockable := document.access.error) is not None:
            problem = unlockable.strerror or unlockable
            warn(f"{where} can't be locked for editing ({problem}); nothing was written")
            return UNREADABLE_EXIT
        if document.access.holder is not None:
            return _refuse(
                f"{where} is open in {document.access.holder.describe()}: record {action_id} "
                "done there, or close that whytui and run this again; nothing was written"
            )
        own_layout = document.in_own_layout()
        try:
            document.edit(mark_done(document.session, action_id, evidence, on), "done")
        except (ValidationError, ValueError) as error:
            return _refuse(f"can't record {action_id} as done: {error}")
        failed = document.flush()
        if failed is not None:
            warn(f"{where} could not be saved: {failed.strerror or failed}; it was left as it was")
            return UNREADABLE_EXIT
    write(sys.stdout, f"Recorded {action_id} as done on {on.isoformat()} in {where}.")
    if not own_layout:
        warn(
            f"{where} was not in whytui's own layout, so saving rewrote more than this item's "
            "lines (comments are not kept); check `git diff` before committing"
        )
    write(sys.stdout, f"Commit it for review: whytui commit {shlex.quote(where)}")
    return 0


def _refuse(message: str) -> int:
    warn(message)
    return REFUSED_EXIT
