"""Committing one session file to the user's git repository, or saying exactly why not.

The repository is the user's. whytui commits the one session path and nothing else, runs the
repository's hooks, never invents an author, never deletes a lock file and never pushes. So the
index work is left to the git command line (`git add`, `git commit --only -- PATH`), driven
through GitPython: git itself then keeps other staged changes out of the commit, runs the
hooks from `core.hooksPath`, and reads identity from config includes and the environment.

Every refusal is a `CommitRefused` whose text says what happened, what was kept and what to do
next. A refusal leaves things as they were: the file saved, the index and HEAD as found.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from git import Repo
from whytui.core.config import Config
from whytui.core.errors import InputError
from whytui.core.models import Session
from whytui.core.rules import session_close_problems
from whytui.core.text import plural
from whytui.git.message import commit_message, rules_message
from whytui.git.repository import (
    KEPT,
    CommitRefused,
    branch_name,
    check_branch_free,
    check_identity,
    find_repository,
    git_failed,
    head_id,
    is_lock_error,
    literal,
    path_state,
    relative_path,
    remote_of,
    run_git,
)
from whytui.store.repo_config import config_from_text, config_path_for
from whytui.store.sessionfile import load, slugify

__all__ = ["CommitRefused", "CommitResult", "commit_session"]

BRANCH_PREFIX = "review/"
LOCK_WAIT_SECONDS = 2.0
"""How long a held `index.lock` is waited for before giving up (another git is usually quick)."""


@dataclass(frozen=True, slots=True)
class CommitResult:
    path: str
    """The session file, relative to the repository's top (as git names it)."""
    commit: str | None
    """The new commit's id; None when the file was unchanged and there was nothing to commit."""
    branch: str
    new_branch: bool
    subject: str
    work_in_progress: bool
    remote: str | None = None
    """The remote a new branch would be pushed to, if the repository has one."""
    also: tuple[str, ...] = ()
    """Other files in the same commit (the repository's `.whytui.toml`)."""

    def report(self) -> str:
        """What happened, for a terminal or a notification."""
        if self.commit is None:
            return (
                f"Nothing to commit: {self.path} is unchanged since the last commit "
                f"on {self.branch}."
            )
        where = f"new branch {self.branch}" if self.new_branch else self.branch
        files = " and ".join((self.path, *self.also))
        lines = [f"Committed {files} on {where}: {self.commit}", f"  {self.subject}"]
        if self.work_in_progress:
            lines.append("  (work in progress: the session does not pass the closing rules yet)")
        if self.new_branch:
            push = f"git push -u {self.remote or 'origin'} {self.branch}"
            if self.remote is None:
                push = f"add a remote (git remote add origin URL), then {push}"
            lines.append(f"Next: {push}, and open a pull request (whytui never pushes).")
        return "\n".join(lines)


def commit_session(
    path: Path,
    *,
    branch: bool,
    allow_open: bool,
    config: Config,
    extra: str = "",
    with_config: bool = False,
) -> CommitResult:
    """Commit the session file at `path`, alone, to the repository it lives in.

    `branch` commits on a new branch ``review/<slug>`` made from HEAD; `allow_open` commits a
    session that fails the closing rules, as work in progress; `with_config` commits the
    repository's `.whytui.toml` with it, if git sees a change to it (a system name added
    during the review). Raises `InputError` when the file can't be read and `CommitRefused`
    for everything else that stops the commit.
    """
    session = load(path)  # InputError: the caller says so and exits 2
    repo = find_repository(path)
    relative = relative_path(repo, path)
    problems = session_close_problems(session, config)
    if problems and not allow_open:
        raise CommitRefused(rules_message(relative, problems))
    config_file = _changed_config(repo, path)
    if config_file is not None and not with_config and not problems:
        _refuse_passing_only_with(repo, session, relative, config_file)
    also = [config_file] if config_file is not None and with_config else []
    check_identity(repo, relative)
    if repo.head.is_detached and not branch:
        raise CommitRefused(
            f"HEAD is detached (at {head_id(repo)[:12]}), so a commit here would "
            f"belong to no branch and be easy to lose. {KEPT.format(path=relative)} Switch "
            f"to a branch (git switch main) and run whytui commit again, or commit on a new "
            f"review branch: whytui commit --branch {relative}"
        )
    changed = {
        name: state
        for name in (relative, *also)
        if (state := path_state(repo, name)) != "unchanged"
    }
    current = branch_name(repo)
    subject, message = commit_message(session, relative, config, problems, extra, also)
    if not changed:
        return CommitResult(relative, None, current, False, subject, bool(problems))
    new_branch = BRANCH_PREFIX + slugify(session.title) if branch else None
    if new_branch:
        check_branch_free(repo, new_branch, relative)
    committer = _Committer(repo, list(changed), relative)
    committer.run(
        new_branch, added=[n for n, s in changed.items() if s == "untracked"], message=message
    )
    return CommitResult(
        relative,
        head_id(repo),
        new_branch or current,
        new_branch is not None,
        subject,
        bool(problems),
        remote_of(repo) if new_branch else None,
        tuple(also),
    )


def _changed_config(repo: Repo, session_path: Path) -> str | None:
    """The repository's `.whytui.toml`, relative, if git sees a change to it not committed."""
    config_path = config_path_for(session_path)
    if not config_path.is_file():
        return None
    try:
        relative = relative_path(repo, config_path)
    except CommitRefused:
        return None
    return relative if path_state(repo, relative) != "unchanged" else None


def _refuse_passing_only_with(repo: Repo, session: Session, path: str, config_file: str) -> None:
    """Refuse a session that passes the closing rules only with `.whytui.toml` as changed on
    disk: committed without that change, it would fail lint in every other checkout."""
    status, text, _ = run_git(repo, "show", f"HEAD:{config_file}")
    try:
        committed = config_from_text(text, config_file) if status == 0 else Config()
    except InputError:
        committed = Config()
    without = session_close_problems(session, committed)
    if without:
        raise CommitRefused(
            f"{path} passes the closing rules only with the change to {config_file} that is not "
            f"committed yet: without it, {plural(len(without), 'problem')} "
            f"({without[0].message}), and lint would fail in every other checkout. "
            f"{KEPT.format(path=path)} Commit the two together: "
            f"whytui commit --with-config {path}"
        )


class _Committer:
    """The steps that change the repository, each undone if a later one fails."""

    def __init__(self, repo: Repo, paths: list[str], session: str) -> None:
        """`paths`: what goes into the commit; `session`: the one refusals name as kept."""
        self.repo = repo
        self.paths = paths
        self.path = session
        self.lock = Path(repo.git_dir) / "index.lock"
        self.undo: list[Callable[[], str | None]] = []

    def run(self, branch: str | None, *, added: list[str], message: str) -> None:
        """Commit `paths` (after `git add` of those in `added`, which git doesn't know yet)."""
        try:
            if branch:
                self._new_branch(branch)
            for path in added:
                self._step("git add", "add", "--", literal(path))
                self.undo.append(partial(self._unstage, path))
            status, out, err = self._locked(
                "commit", "--only", "-m", message, "--", *(literal(p) for p in self.paths)
            )
            if status != 0:
                raise CommitRefused(self._commit_failed(out, err))
        except CommitRefused as refusal:
            leftovers = [note for undo in reversed(self.undo) if (note := self._undo(undo))]
            if leftovers:
                raise CommitRefused(f"{refusal}\nBut: {' '.join(leftovers)}") from None
            raise

    @staticmethod
    def _undo(undo: Callable[[], str | None]) -> str | None:
        try:
            return undo()
        except CommitRefused as still_locked:
            return str(still_locked)

    def _new_branch(self, branch: str) -> None:
        detached = self.repo.head.is_detached
        back = head_id(self.repo) if detached else self.repo.head.reference.path
        self._step("git switch -c", "switch", "--quiet", "--create", branch)

        def switch_back() -> str | None:
            if detached:
                status, _, _ = self._locked("switch", "--quiet", "--detach", back)
            else:  # HEAD's commit is unchanged, so only HEAD itself has to point back
                status, _, _ = run_git(self.repo, "symbolic-ref", "HEAD", back)
            if status != 0:
                return f"you are still on the new branch {branch}; switch back yourself."
            run_git(self.repo, "branch", "--quiet", "--delete", "--force", branch)  # if born
            return None

        self.undo.append(switch_back)

    def _unstage(self, path: str) -> str | None:
        status, _, _ = self._locked("rm", "--cached", "--quiet", "--", literal(path))
        if status != 0:
            return f"{path} was left staged (added); unstage it with git restore --staged {path}"
        return None

    def _step(self, what: str, *args: str) -> None:
        status, out, err = self._locked(*args)
        if status != 0:
            raise CommitRefused(git_failed(what, err or out, self.path))

    def _locked(self, *args: str) -> tuple[int, str, str]:
        """Run a git command that takes the index lock, waiting briefly while another has it."""
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        delay = 0.05
        while True:
            if not self.lock.exists():
                status, out, err = run_git(self.repo, *args)
                if status == 0 or not is_lock_error(err):
                    return status, out, err
            if time.monotonic() >= deadline:
                raise CommitRefused(self._lock_message())
            time.sleep(delay)
            delay = min(delay * 2, 0.4)

    def _lock_message(self) -> str:
        return (
            f"Another git process is using this repository: {self.lock} exists, and was still "
            f"there after {LOCK_WAIT_SECONDS:g} seconds. whytui waited and left it alone. "
            f"{KEPT.format(path=self.path)} Your staged changes are as they were. If no git "
            "command is running (an editor's git integration, a crashed git), remove the lock "
            f"once you are sure (rm {self.lock}), then run whytui commit again."
        )

    def _commit_failed(self, out: str, err: str) -> str:
        output = "\n".join(part for part in (out.strip(), err.strip()) if part)
        return (
            git_failed("git commit (or a hook of this repository)", output, self.path)
            + " Your other staged changes are as they were. Fix what it reports and run "
            "whytui commit again."
        )
