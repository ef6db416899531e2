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
from pathlib import Path

from git import Repo

from whytui.core.config import Config
from whytui.core.rules import session_close_problems
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

    def report(self) -> str:
        """What happened, for a terminal or a notification."""
        if self.commit is None:
            return (
                f"Nothing to commit: {self.path} is unchanged since the last commit "
                f"on {self.branch}."
            )
        where = f"new branch {self.branch}" if self.new_branch else self.branch
        lines = [f"Committed {self.path} on {where}: {self.commit}", f"  {self.subject}"]
        if self.work_in_progress:
            lines.append("  (work in progress: the session does not pass the closing rules yet)")
        if self.new_branch:
            push = f"git push -u {self.remote or 'origin'} {self.branch}"
            if self.remote is None:
                push = f"add a remote (git remote add origin URL), then {push}"
            lines.append(f"Next: {push}, and open a pull request (whytui never pushes).")
        return "\n".join(lines)


def commit_session(
    path: Path, *, branch: bool, allow_open: bool, config: Config, extra: str = ""
) -> CommitResult:
    """Commit the session file at `path`, alone, to the repository it lives in.

    `branch` commits on a new branch ``review/<slug>`` made from HEAD; `allow_open` commits a
    session that fails the closing rules, as work in progress. Raises `InputError` when the
    file can't be read and `CommitRefused` for everything else that stops the commit.
    """
    session = load(path)  # InputError: the caller says so and exits 2
    repo = find_repository(path)
    relative = relative_path(repo, path)
    problems = session_close_problems(session, config)
    if problems and not allow_open:
        raise CommitRefused(rules_message(relative, problems))
    check_identity(repo, relative)
    if repo.head.is_detached and not branch:
        raise CommitRefused(
            f"HEAD is detached (at {head_id(repo)[:12]}), so a commit here would "
            f"belong to no branch and be easy to lose. {KEPT.format(path=relative)} Switch "
            f"to a branch (git switch main) and run whytui commit again, or commit on a new "
            f"review branch: whytui commit --branch {relative}"
        )
    state = path_state(repo, relative)
    current = branch_name(repo)
    subject, message = commit_message(session, relative, config, problems, extra)
    if state == "unchanged":
        return CommitResult(relative, None, current, False, subject, bool(problems))
    new_branch = BRANCH_PREFIX + slugify(session.title) if branch else None
    if new_branch:
        check_branch_free(repo, new_branch, relative)
    committer = _Committer(repo, relative)
    committer.run(new_branch, staged=state == "untracked", message=message)
    return CommitResult(
        relative,
        head_id(repo),
        new_branch or current,
        new_branch is not None,
        subject,
        bool(problems),
        remote_of(repo) if new_branch else None,
    )


class _Committer:
    """The steps that change the repository, each undone if a later one fails."""

    def __init__(self, repo: Repo, path: str) -> None:
        self.repo = repo
        self.path = path
        self.lock = Path(repo.git_dir) / "index.lock"
        self.undo: list[Callable[[], str | None]] = []

    def run(self, branch: str | None, *, staged: bool, message: str) -> None:
        try:
            if branch:
                self._new_branch(branch)
            if staged:
                self._step("git add", "add", "--", literal(self.path))
                self.undo.append(self._unstage)
            status, out, err = self._locked(
                "commit", "--only", "-m", message, "--", literal(self.path)
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

    def _unstage(self) -> str | None:
        status, _, _ = self._locked("rm", "--cached", "--quiet", "--", literal(self.path))
        if status != 0:
            return (
                f"{self.path} was left staged (added); unstage it with "
                f"git restore --staged {self.path}"
            )
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
