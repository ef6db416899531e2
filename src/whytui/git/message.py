"""The commit message of a review: a subject a log can show, counts a reviewer can check.

Every value from the session is put on one line and its control characters escaped, so a
title can't add a paragraph, a trailer or a terminal escape to the message.
"""

from whytui.core.config import Config
from whytui.core.models import Session
from whytui.core.render import action_summary, cause_summary
from whytui.core.rules import Problem
from whytui.core.text import escaped, one_line, plural
from whytui.git.repository import KEPT


def commit_message(
    session: Session,
    path: str,
    config: Config,
    problems: list[Problem],
    extra: str = "",
    also: list[str] | None = None,
) -> tuple[str, str]:
    """The subject, and the whole message: counts a reviewer can check against the file."""
    reference = ", ".join(escaped(one_line(i)) for i in session.incidents)
    prefix = "WIP review" if problems else "Review"
    subject = f"{prefix}: {escaped(one_line(session.title, limit=72))}" + (
        f" ({reference})" if reference else ""
    )
    body = [
        escaped(one_line(f"{plural(len(session.nodes), 'why')}; {cause_summary(session, config)}")),
        action_summary(session),
        f"Status: {session.status.value}",
        f"File: {path}",
        *(f"With: {escaped(one_line(name))} (changed during the review)" for name in also or ()),
    ]
    paragraphs = [subject, "\n".join(body)]
    if problems:
        listed = [f"- {escaped(one_line(p.message, limit=200))}" for p in problems[:10]]
        if len(problems) > 10:
            listed.append(f"- and {len(problems) - 10} more (whytui lint {path})")
        paragraphs.append(
            f"Work in progress (--allow-open): {plural(len(problems), 'problem')} "
            "keep this session from closing:\n" + "\n".join(listed)
        )
    if extra.strip():
        paragraphs.append(extra.strip())
    return subject, "\n\n".join(paragraphs) + "\n"


def rules_message(path: str, problems: list[Problem]) -> str:
    listed = "\n".join(f"  - {escaped(one_line(p.message))}" for p in problems)
    return (
        f"{path} does not pass the closing rules yet ({plural(len(problems), 'problem')}):\n"
        f"{listed}\n{KEPT.format(path=path)} Fix these in the app (or the file), or commit it "
        f"as work in progress: whytui commit --allow-open {path}"
    )
