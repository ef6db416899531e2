"""Checking session files the way CI does: every problem at once, each with its line.

This is the pure half of `whytui lint`: it reads files and returns findings. How they are
printed, and which exit code they make, is the command's business (`whytui.commands.lint`).
A file that can't be read is a finding too (rule ``unreadable``), never an exception, so one
broken file in a pull request doesn't hide the problems in the others.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from whytui.core.config import Config
from whytui.core.errors import InputError
from whytui.core.rules import Problem, lint_problems
from whytui.core.text import plural
from whytui.store.corpus import session_files
from whytui.store.repo_config import RepositoryConfigs, repository_root
from whytui.store.sessionfile import loads
from whytui.store.tomlfile import LineIndex, read_text

UNREADABLE = "unreadable"
"""The rule id of a file (session or config) that could not be read at all."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One line of lint output: a problem in a session, or input that could not be read."""

    path: PurePath
    line: int | None
    rule: str
    message: str
    node_id: str | None = None
    action_id: str | None = None
    notice: bool = False
    """Said but not failing: a refusal the room overruled with a written reason."""

    @classmethod
    def unreadable(cls, error: InputError) -> "Finding":
        return cls(error.path, error.line, UNREADABLE, error.problem)


@dataclass(slots=True)
class Report:
    """Everything one run found, and how many files it looked at."""

    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    """Session files looked at, readable or not."""
    not_checked: int = 0
    """Session files skipped because their repository's `.whytui.toml` is broken."""
    strict: bool = False
    """Notices count as problems (`whytui lint --strict`): no overruled refusal gets through."""

    def is_notice(self, finding: Finding) -> bool:
        """Printed as a notice: it fails the run only under --strict."""
        return finding.notice and not self.strict

    def is_problem(self, finding: Finding) -> bool:
        return finding.rule != UNREADABLE and not self.is_notice(finding)

    @property
    def problems(self) -> int:
        return sum(1 for f in self.findings if self.is_problem(f))

    @property
    def notices(self) -> int:
        return sum(1 for f in self.findings if self.is_notice(f))

    @property
    def unreadable(self) -> int:
        return sum(1 for f in self.findings if f.rule == UNREADABLE)

    @property
    def files_with_problems(self) -> int:
        return len({f.path for f in self.findings if self.is_problem(f)})

    @property
    def exit_code(self) -> int:
        """0 clean, 1 problems found, 2 unreadable input (which wins: the check is incomplete)."""
        if self.unreadable:
            return 2
        return 1 if self.problems else 0

    def summary(self) -> str:
        if self.problems:
            text = (
                f"{plural(self.problems, 'problem')} in {self.files_with_problems} "
                f"of {plural(self.files, 'file')}"
            )
        else:
            text = f"no problems in {plural(self.files, 'file')}"
        if self.notices:
            text += f"; {plural(self.notices, 'notice')} (--strict fails them)"
        if self.unreadable:
            text += f"; {self.unreadable} unreadable"
        if self.not_checked:
            text += f"; {plural(self.not_checked, 'file')} not checked: fix .whytui.toml first"
        return text


def lint_repository(start: Path, strict: bool = False) -> Report:
    """Lint the sessions folder of the repository `start` is in (`start` itself outside one)."""
    configs = RepositoryConfigs()
    root = repository_root(start)
    config = configs.for_folder(root)
    if isinstance(config, InputError):
        return Report([Finding.unreadable(config)], strict=strict)
    folder = root / config.sessions
    if not folder.is_dir():
        problem = (
            "no such sessions folder: create it, set `sessions` in .whytui.toml, "
            "or name the files or folders to lint"
        )
        return Report([Finding(folder, None, UNREADABLE, problem)], strict=strict)
    return lint_paths([folder], configs, strict)


def lint_paths(
    paths: Sequence[Path], configs: RepositoryConfigs | None = None, strict: bool = False
) -> Report:
    """Lint files and folders (a folder: every `*.toml` under it, hidden ones skipped)."""
    configs = configs or RepositoryConfigs()
    report = Report(strict=strict)
    broken_configs: set[PurePath] = set()
    for path in _files(paths):
        config = configs.for_folder(path.parent)
        if isinstance(config, InputError):
            report.not_checked += 1
            if config.path not in broken_configs:
                broken_configs.add(config.path)
                report.findings.append(Finding.unreadable(config))
            continue
        report.files += 1
        report.findings += lint_file(path, config)
    return report


def lint_file(path: Path, config: Config) -> list[Finding]:
    """The findings of one session file, in line order."""
    try:
        text = read_text(path)
        session = loads(text, path)
    except InputError as error:
        return [Finding.unreadable(error)]
    problems = lint_problems(session, config)
    if not problems:
        return []
    index = LineIndex(text)
    findings = [
        Finding(path, _line(index, p), p.rule, p.message, p.node_id, p.action_id, p.notice)
        for p in problems
    ]
    return sorted(findings, key=lambda f: f.line or 0)


def _line(index: LineIndex, problem: Problem) -> int:
    """The record's `id` line; the [closing] table for closing rules; else the file's top."""
    line: int | None = None
    if problem.node_id:
        line = index.record_line("node", problem.node_id)
    elif problem.action_id:
        line = index.record_line("action", problem.action_id)
    elif problem.rule.startswith("closing-"):
        line = index.line_of("closing")
    return line or 1


def _files(paths: Sequence[Path]) -> list[Path]:
    """Files to lint, each once. A path that is not a folder is taken as a file even if it
    doesn't exist, so that reading it says what is wrong with it."""
    files: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        for path in session_files(given) if given.is_dir() else [given]:
            if path.absolute() not in seen:
                seen.add(path.absolute())
                files.append(path)
    return files
