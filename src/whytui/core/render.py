"""A session as Markdown, for a pull request description or a wiki page.

Pure: a session in, text out, the same text every time (no dates of today, no randomness).
Session text is someone's typing, so it is escaped to read literally: a title with `*` or `|`
or `<script>` shows those characters, a line starting `- ` or `1. ` stays a line of text, and
a cell with a newline stays one table cell. Control characters are shown as their Unicode
pictures, so the output is safe to print to a terminal as well.
"""

import re
from collections import Counter

from whytui.core.config import Config
from whytui.core.ids import ROOT_ID
from whytui.core.models import ActionItem, ActionStatus, Session, WhyNode
from whytui.core.text import pictured, plural

CLOSING_QUESTIONS = (
    ("would_have_prevented", "What would have had to be true for this not to happen?"),
    (
        "where_else",
        "What is the next incident this failure mode makes more likely: where else is the "
        "same fragility?",
    ),
)
MERMAID_LABEL_LIMIT = 100
"""Diagram labels are cut here (the full text is in the list above the diagram)."""

# -- counting, shared with the commit message -------------------------------------------------


def category_name(category: str, config: Config) -> str:
    names = {c.id: c.name for c in config.all_categories()}
    return names.get(category, category)


def cause_summary(session: Session, config: Config) -> str:
    """'3 root causes: 2 Unsafe default, 1 Missing check or guardrail'."""
    counts = Counter(category_name(n.category or "", config) for n in session.root_causes())
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    listed = ", ".join(f"{count} {name}" for name, count in ranked)
    return plural(sum(counts.values()), "root cause") + (f": {listed}" if listed else "")


def action_summary(session: Session) -> str:
    """'4 action items: 3 open, 1 done'."""
    done = sum(1 for a in session.actions if a.status is ActionStatus.DONE)
    total = len(session.actions)
    return f"{plural(total, 'action item')}: {total - done} open, {done} done"


# -- escaping ----------------------------------------------------------------------------------

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~]|&(?=#?\w+;))")
_LINE_START = re.compile(r"^([-+=]|\d+[.)])")


def _visible(text: str) -> str:
    """Tabs as spaces, line endings as \\n, other control characters as their pictures."""
    return pictured(text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    "), "\n")


def _escape_line(line: str) -> str:
    escaped = _LINE_START.sub(lambda m: m[0][:-1] + "\\" + m[0][-1], _SPECIAL.sub(r"\\\1", line))
    stripped = escaped.lstrip(" ")
    return "&nbsp;" * (len(escaped) - len(stripped)) + stripped  # 4 spaces would start code


def escape(text: str) -> str:
    """User text as one line of inline Markdown: lines joined by <br>, meant literally."""
    return "<br>".join(_escape_line(line) for line in _visible(text).strip("\n").split("\n"))


def escape_block(text: str) -> str:
    """User text as paragraphs: blank lines separate them, single newlines become <br>."""
    paragraphs = re.split(r"\n\s*\n", _visible(text).strip("\n"))
    return "\n\n".join(
        "<br>\n".join(_escape_line(line) for line in paragraph.split("\n"))
        for paragraph in paragraphs
    )


def mermaid_label(text: str) -> str:
    """Text for inside a quoted Mermaid label: entity codes for what Mermaid would read."""
    flat = " ".join(_visible(text).split())
    if len(flat) > MERMAID_LABEL_LIMIT:
        flat = flat[: MERMAID_LABEL_LIMIT - 1].rstrip() + "…"
    flat = flat.replace("#", "#35;")
    for char, code in (
        ('"', "#quot;"),
        ("&", "#amp;"),
        ("<", "#lt;"),
        (">", "#gt;"),
        ("`", "#96;"),
    ):
        flat = flat.replace(char, code)
    return flat


def mermaid_id(record_id: str) -> str:
    return record_id.replace("-", "_")


# -- the document -----------------------------------------------------------------------------


def _numbers(session: Session) -> tuple[dict[str, str], dict[str, str]]:
    causes = {node.id: f"RC{i}" for i, node in enumerate(session.root_causes(), start=1)}
    actions = {action.id: f"A{i}" for i, action in enumerate(session.actions, start=1)}
    return causes, actions


def _metadata(session: Session) -> list[str]:
    def listed(values: tuple[str, ...]) -> str:
        return ", ".join(escape(v) for v in values) or "—"

    rows = (
        ("Date", session.date.isoformat()),
        ("Status", session.status.value),
        ("Facilitator", escape(session.facilitator) or "—"),
        ("Participants", listed(session.participants)),
        ("Incidents", listed(session.incidents)),
        ("Services", listed(session.services)),
    )
    return ["| | |", "|---|---|", *(f"| {name} | {value} |" for name, value in rows)]


def _node_line(
    session: Session, node: WhyNode, config: Config, causes: dict[str, str], actions: dict[str, str]
) -> str:
    text = escape(node.text) or "_(no words)_"  # an empty item would end the list under it
    if node.is_root_cause:
        category = escape(category_name(node.category or "", config))
        linked = [actions[a.id] for a in session.actions_for(node.id)]
        item = f"**Root cause {causes[node.id]}** ({category}): {text}"
        item += f" (actions: {', '.join(linked)})" if linked else " (no action item yet)"
        if node.judged:
            item += f" (the room overruled the judge: {escape(node.judged)})"
    elif not session.children(node.id):
        item = f"**Open**, still asking why: {text}"
    else:
        item = text
    if node.evidence:
        item += " (evidence: " + "; ".join(escape(e) for e in node.evidence) + ")"
    return item


def _tree(session: Session, config: Config) -> list[str]:
    if not session.nodes:
        return ["_No whys yet._"]
    causes, actions = _numbers(session)
    return [
        "  " * (session.depth(node.id) - 1)
        + "- "
        + _node_line(session, node, config, causes, actions)
        for node in session.nodes
    ]


def _status(action: ActionItem) -> str:
    if action.status is not ActionStatus.DONE:
        return action.status.value
    cell = "done" + (f" {action.done_on.isoformat()}" if action.done_on else "")
    return cell + (f"<br>{escape(action.evidence)}" if action.evidence else "")


def _actions(session: Session) -> list[str]:
    if not session.actions:
        return ["_No action items yet._"]
    causes, numbers = _numbers(session)
    lines = [
        "| # | Action | Owner | Due | Done when | Status | Causes | Tracker |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for action in session.actions:
        cells = (
            numbers[action.id],
            escape(action.text),
            escape(action.owner) or "—",
            action.due.isoformat() if action.due else "—",
            escape(action.done_when) or "—",
            _status(action),
            ", ".join(causes.get(c, escape(c)) for c in action.causes) or "—",
            escape(action.tracker) or "—",
        )
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _closing(session: Session) -> list[str]:
    lines: list[str] = []
    for field, question in CLOSING_QUESTIONS:
        answer: str = getattr(session.closing, field)
        lines += [
            f"**{question}**",
            "",
            escape_block(answer) if answer.strip() else "_Not answered yet._",
            "",
        ]
    return lines[:-1]


def _mermaid(session: Session) -> list[str]:
    lines = ["```mermaid", "flowchart TD", f'    {ROOT_ID}["{mermaid_label(session.problem)}"]']
    for node in session.nodes:
        label = mermaid_label(node.text)
        lines.append(f'    {mermaid_id(node.id)}["{label}"]')
        lines.append(f"    {mermaid_id(node.parent)} --> {mermaid_id(node.id)}")
    causes = [mermaid_id(n.id) for n in session.root_causes()]
    still_open = [mermaid_id(n.id) for n in session.leaves() if not n.is_root_cause]
    lines += [
        "    classDef cause fill:#e6f4ea,stroke:#2e7d32,stroke-width:2px",
        "    classDef open stroke-dasharray:5 3",
    ]
    if causes:
        lines.append(f"    class {','.join(causes)} cause")
    if still_open:
        lines.append(f"    class {','.join(still_open)} open")
    return [*lines, "```"]


def render(session: Session, config: Config | None = None, *, mermaid: bool = False) -> str:
    """The session as a Markdown document, ending in one newline."""
    config = config or Config()
    parts = [
        f"# {escape(session.title)}",
        escape(
            f"{plural(len(session.nodes), 'why')}, {cause_summary(session, config)}; "
            f"{action_summary(session)}."
        ),
        "\n".join(_metadata(session)),
        "## Problem",
        escape_block(session.problem),
        "## Why tree",
        "\n".join(_tree(session, config)),
    ]
    if mermaid:
        parts.append("\n".join(_mermaid(session)))
    parts += [
        "## Action items",
        "\n".join(_actions(session)),
        "## Closing questions",
        "\n".join(_closing(session)),
    ]
    return "\n\n".join(parts) + "\n"
