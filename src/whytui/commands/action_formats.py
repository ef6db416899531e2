"""The forms `whytui actions` lists items in: text for people, json for tools, csv for a
tracker's importer (Jira's fields, which Linear's Jira import reads too), markdown for a
sprint board's checklist."""

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from whytui.commands.output import shown
from whytui.core.text import one_line, plural

if TYPE_CHECKING:
    from whytui.core.followup import FollowUp


def summary(items: list["FollowUp"], sessions: int, today: dt.date) -> str:
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
    """Word wrap by slicing (textwrap costs more than the rest of `actions` on a large
    corpus); a word longer than a line runs over rather than being cut."""
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
