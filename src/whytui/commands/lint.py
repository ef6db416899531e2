"""`whytui lint [PATH…]`: check session files, for people (text), tools (json) and CI (github).

Session text and file names come from other people's pull requests, so everything printed is
made inert first: control characters are shown as escapes (a session can't move the cursor or
recolour a terminal) and GitHub's workflow-command escaping is applied (a session can't inject
a `::command::` line into a CI log).
"""

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whytui.commands.output import shown, write
from whytui.core.text import escaped

if TYPE_CHECKING:
    from whytui.store.lint import Finding, Report


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "lint",
        help="check session files (exit 0 clean, 1 problems found, 2 unreadable input)",
        description=(
            "Check session files: one line a problem, as file:line: rule-id: message. "
            "Exit 0 when clean, 1 when problems were found, 2 when some input could not be read. "
            "Root causes closed as structural over the judge, with a written reason, are "
            "notices: printed, not failing, unless --strict."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="session files or folders of them (default: this repository's sessions folder)",
    )
    parser.add_argument(
        "--format",
        choices=list(FORMATS),
        default="text",
        help="text for people, json for tools, github for GitHub Actions annotations",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="fail on notices too: root causes the room closed as structural over the judge",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from whytui.store.lint import lint_paths, lint_repository

    if args.paths:
        report = lint_paths(args.paths, strict=args.strict)
    else:
        report = lint_repository(Path.cwd(), args.strict)
    output = FORMATS[args.format](report)
    if output:
        write(sys.stdout, output)
    write(sys.stderr, report.summary())
    return report.exit_code


def _text(report: "Report") -> str:
    lines = []
    for finding in report.findings:
        where = shown(finding.path) + (f":{finding.line}" if finding.line else "")
        rule = finding.rule + (" (notice)" if report.is_notice(finding) else "")
        lines.append(escaped(f"{where}: {rule}: {finding.message}", keep=""))
    return "\n".join(lines)


def _json(report: "Report") -> str:
    document = {
        "findings": [
            {
                "file": shown(f.path),
                "line": f.line,
                "rule": f.rule,
                "message": f.message,
                "node": f.node_id,
                "action": f.action_id,
                "severity": _severity(report, f),
            }
            for f in report.findings
        ],
        "counts": {
            "files": report.files,
            "files_with_problems": report.files_with_problems,
            "problems": report.problems,
            "notices": report.notices,
            "unreadable": report.unreadable,
            "not_checked": report.not_checked,
        },
    }
    return json.dumps(document, indent=2)


def github_data(text: str) -> str:
    """Escape a workflow command's message the way GitHub's runner unescapes it."""
    return escaped(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"), keep="")


def github_property(text: str) -> str:
    """Escape a workflow command's property value (file, title): also `:` and `,`."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def _severity(report: "Report", finding: "Finding") -> str:
    return "notice" if report.is_notice(finding) else "error"


def _github_line(report: "Report", finding: "Finding") -> str:
    properties = [f"file={github_property(shown(finding.path))}"]
    if finding.line:
        properties.append(f"line={finding.line}")
    properties.append(f"title={github_property(finding.rule)}")
    command = _severity(report, finding)
    return f"::{command} {','.join(properties)}::{github_data(finding.message)}"


def _github(report: "Report") -> str:
    return "\n".join(_github_line(report, f) for f in report.findings)


FORMATS: dict[str, Callable[["Report"], str]] = {
    "text": _text,
    "json": _json,
    "github": _github,
}
