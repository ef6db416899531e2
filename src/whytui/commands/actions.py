"""`whytui actions`: action items across sessions, by owner; `actions done` records one done.

The list is for people (text), tools (json), trackers (csv that Jira's and Linear's importers
map column by column) and sprint boards (a Markdown checklist). `--fail-on-overdue` turns it
into a scheduled CI check. Recording completion edits the one session file that holds the
item, through the same model and writer as the app, so the change is a small diff to review.
"""

import argparse
import csv
import datetime as dt
import io
import json
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whytui.commands.corpus_args import UNREADABLE_EXIT, add_repo_argument, load_sessions
from whytui.commands.output import shown, warn, write
from whytui.core.text import one_line, plural

if TYPE_CHECKING:
    from whytui.core.followup import FollowUp

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
        write(sys.stderr, _summary(items, len(corpus.entries), today))
    if failures:
        return UNREADABLE_EXIT
    if args.fail_on_overdue and any(i.state is State.OVERDUE for i in items):
        return OVERDUE_EXIT
    return 0


def _summary(items: list["FollowUp"], sessions: int, today: dt.date) -> str:
    from whytui.core.followup import State

    counts = {state: sum(1 for i in items if i.state is state) for state in State}
    opened = counts[State.OPEN] + counts[State.OVERDUE]
    return (
        f"{plural(len(items), 'action item')} from {plural(sessions, 'session')}: "
        f"{opened:,} open ({counts[State.OVERDUE]:,} overdue), {counts[State.DONE]:,} done "
        f"(as of {today.isoformat()})"
    )


def _when(item: "FollowUp", today: dt.date) -> str:
    from whytui.core.followup import State

    action = item.action
    due = f"due {action.due.isoformat()}" if action.due else "no due date"
    if item.state is State.OVERDUE:
        return f"OVERDUE {plural(item.days_late(today), 'day')}, {due}"
    if item.state is State.DONE:
        return f"done {action.done_on.isoformat()}" if action.done_on else "done"
    return due


WIDTH = 80
"""Text output reads at 80 columns: a tmux split, a CI log."""


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    """Word wrap by slicing (textwrap costs more than the rest of `actions` on 2,000
    sessions); a word longer than a line runs over rather than being cut."""
    text = one_line(text)
    lines: list[str] = []
    prefix = first
    while len(prefix) + len(text) > width:
        cut = text.rfind(" ", 0, width - len(prefix) + 1)
        if cut <= 0:
            cut = text.find(" ")
            if cut < 0:
                break
        lines.append(prefix + text[:cut])
        text = text[cut + 1 :]
        prefix = rest
    lines.append(prefix + text)
    return lines


def _text(items: list["FollowUp"], today: dt.date) -> str:
    from whytui.core.followup import State, by_owner

    mark = {State.OVERDUE: "!", State.OPEN: "-", State.DONE: "x"}
    lines: list[str] = []
    for owner, group in by_owner(items):
        overdue = sum(1 for i in group if i.state is State.OVERDUE)
        done = sum(1 for i in group if i.state is State.DONE)
        opened = len(group) - done
        lines.append(f"{owner}: {opened} open ({overdue} overdue), {done} done")
        for item in group:
            action = item.action
            lines.append(f"  {mark[item.state]} {action.id}  {_when(item, today)}")

            def field(label: str, text: str) -> None:
                lines.extend(_wrap(f"{label}{text}", WIDTH, "      ", "        "))

            field("", action.text)
            field("session: ", f"{item.entry.stem} ({item.entry.session.title})")
            for cause in item.causes:
                field("root cause: ", f"{cause.text} [{cause.category or 'open'}]")
            if action.done_when and item.state is not State.DONE:
                field("done when: ", action.done_when)
            if action.tracker:
                field("tracker: ", action.tracker)
            if action.evidence:
                field("evidence: ", action.evidence)
        lines.append("")
    return "\n".join(lines).rstrip()


def _item_data(item: "FollowUp", today: dt.date) -> dict[str, Any]:
    action = item.action
    session = item.entry.session
    return {
        "id": action.id,
        "text": action.text,
        "owner": action.owner,
        "state": item.state.value,
        "due": action.due.isoformat() if action.due else None,
        "days_overdue": item.days_late(today),
        "done_when": action.done_when,
        "tracker": action.tracker,
        "done_on": action.done_on.isoformat() if action.done_on else None,
        "evidence": action.evidence,
        "session": {
            "path": shown(item.entry.path),
            "stem": item.entry.stem,
            "title": session.title,
            "date": session.date.isoformat(),
            "services": list(session.services),
        },
        "root_causes": [{"id": c.id, "text": c.text, "category": c.category} for c in item.causes],
    }


def _json(items: list["FollowUp"], today: dt.date) -> str:
    from whytui.core.followup import State, by_owner

    document = {
        "today": today.isoformat(),
        "counts": {state.value: sum(1 for i in items if i.state is state) for state in State},
        "owners": [
            {"owner": owner, "items": [_item_data(i, today) for i in group]}
            for owner, group in by_owner(items)
        ],
    }
    return json.dumps(document, ensure_ascii=False)


JIRA_SUMMARY_LIMIT = 255
"""Jira refuses a Summary longer than this; the whole text is in the Description anyway."""


def _description(item: "FollowUp") -> str:
    action = item.action
    session = item.entry.session
    parts = [action.text.strip()]
    if action.done_when:
        parts.append(f"Done when: {action.done_when.strip()}")
    parts.append(f"Session: {item.entry.stem} ({session.title}, {session.date.isoformat()})")
    parts += [f"Root cause ({c.category or 'open'}): {c.text.strip()}" for c in item.causes]
    if action.tracker:
        parts.append(f"Tracker: {action.tracker}")
    if action.evidence:
        parts.append(f"Evidence: {action.evidence}")
    parts.append(f"whytui action id: {action.id}")
    return "\n\n".join(parts)


def _labels(item: "FollowUp") -> list[str]:
    """Jira labels can't hold spaces; categories are ids like `missing-check` already."""
    categories = dict.fromkeys(c.category for c in item.causes if c.category)
    return ["whytui", *categories]


def _csv(items: list["FollowUp"], today: dt.date) -> str:
    """One row an item; the header names Jira's fields, which Linear's Jira import reads too.

    Several labels are several `Labels` columns: the way Jira's CSV importer takes them.
    """
    from whytui.core.followup import State

    label_columns = max((len(_labels(i)) for i in items), default=1)
    header = [
        "Summary",
        "Description",
        "Issue Type",
        "Status",
        "Assignee",
        "Due Date",
        *["Labels"] * label_columns,
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for item in items:
        action = item.action
        labels = _labels(item)
        writer.writerow(
            [
                one_line(action.text)[:JIRA_SUMMARY_LIMIT],
                _description(item),
                "Task",
                "Done" if item.state is State.DONE else "To Do",
                action.owner.strip(),
                action.due.isoformat() if action.due else "",
                *labels,
                *[""] * (label_columns - len(labels)),
            ]
        )
    return buffer.getvalue().rstrip("\n")


def _markdown(items: list["FollowUp"], today: dt.date) -> str:
    from whytui.core.followup import NO_OWNER, State, by_owner
    from whytui.core.render import escape

    def _md(text: str) -> str:
        return escape(one_line(text))

    lines: list[str] = []
    for owner, group in by_owner(items):
        lines += [f"## {_md(owner)}", ""]
        for item in group:
            action = item.action
            box = "x" if item.state is State.DONE else " "
            due = f"due {action.due.isoformat()}" if action.due else "no due date"
            who = "" if owner == NO_OWNER else f"{_md(owner)}, "
            line = f"- [{box}] {_md(action.text)} — {who}{due} ({_md(item.entry.stem)})"
            if item.state is State.OVERDUE:
                line += " **overdue**"
            elif item.state is State.DONE and action.done_on:
                line += f", done {action.done_on.isoformat()}"
            lines.append(line)
        lines.append("")
    return "\n".join(lines).rstrip()


FORMATS: dict[str, Callable[[list["FollowUp"], dt.date], str]] = {
    "text": _text,
    "json": _json,
    "csv": _csv,
    "markdown": _markdown,
}


# -- recording completion --------------------------------------------------------------------


def run_done(args: argparse.Namespace) -> int:
    from whytui.core.followup import ActionLookupError, State, find_action, follow_ups
    from whytui.store import lock

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

    path = Path(item.entry.path)
    try:
        taken = lock.acquire(path)
    except OSError as error:
        warn(
            f"{where} can't be locked for editing ({error.strerror or error}); nothing was written"
        )
        return UNREADABLE_EXIT
    if isinstance(taken, lock.Held):
        return _refuse(
            f"{where} is open in {taken.holder.describe()}: record {action.id} done there, "
            "or close that whytui and run this again; nothing was written"
        )
    try:
        return _record(path, where, action.id, evidence, on)
    finally:
        taken.release()


def _record(path: Path, where: str, action_id: str, evidence: str, on: dt.date) -> int:
    """Read the session again (it may have changed since), mark the item done, save."""
    from pydantic import ValidationError

    from whytui.core.edits import mark_done
    from whytui.core.errors import InputError
    from whytui.store.sessionfile import dumps, load, save
    from whytui.store.tomlfile import read_text

    try:
        before = read_text(path)
        session = load(path)
        updated = mark_done(session, action_id, evidence, on)
    except InputError as error:
        warn(f"{error}; nothing was written")
        return UNREADABLE_EXIT
    except (ValidationError, ValueError) as error:
        return _refuse(f"can't record {action_id} as done: {error}")
    try:
        save(updated, path)
    except OSError as error:
        warn(f"{where} could not be saved: {error.strerror or error}; it was left as it was")
        return UNREADABLE_EXIT
    write(sys.stdout, f"Recorded {action_id} as done on {on.isoformat()} in {where}.")
    if dumps(session) != before:
        warn(
            f"{where} was not in whytui's own layout, so saving rewrote more than this item's "
            "lines (comments are not kept); check `git diff` before committing"
        )
    write(sys.stdout, f"Commit it for review: whytui commit {shlex.quote(where)}")
    return 0


def _refuse(message: str) -> int:
    warn(message)
    return REFUSED_EXIT
