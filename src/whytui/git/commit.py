"""Committing one session file to the user's git repository, or saying exactly why not.

The repository is the user's. whytui commits the one session path and nothing else, runs the
repository's hooks, never invents an author, never deletes a lock file and never pushes. So the
index work is left to the git command line (`git add`, `git commit --only -- PATH`), driven
through GitPython: git itself then keeps other staged changes out of the commit, runs the
hooks from `core.hooksPath`, and reads identity from config includes and the environment.

Every refusal is a `CommitRefused` whose text says what happened, what was kept and what to do
next. A refusal leaves things as they were: the file saved, the index and HEAD as found.
"""

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from git import Repo, SymbolicReference
from git.exc import InvalidGitRepositoryError, NoSuchPathError

from whytui.core.config import Config
from whytui.core.models import Session
from whytui.core.render import action_summary, cause_summary
from whytui.core.rules import Problem, session_close_problems
from whytui.core.text import escaped, one_line, plural
from whytui.store.sessionfile import load, slugify

BRANCH_PREFIX = "review/"
LOCK_WAIT_SECONDS = 2.0
"""How long a held `index.lock` is waited for before giving up (another git is usually quick)."""

_KEPT = "Nothing was committed; {path} stays saved as it is."


class CommitRefused(Exception):
    """A commit whytui would not make, or git would not; `str()` is the message for a person."""


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
    repo = _repository(path)
    relative = _relative_path(repo, path)
    problems = session_close_problems(session, config)
    if problems and not allow_open:
        raise CommitRefused(_rules_message(relative, problems))
    _check_identity(repo, relative)
    if repo.head.is_detached and not branch:
        raise CommitRefused(
            f"HEAD is detached (at {_head_id(repo)[:12]}), so a commit here would "
            f"belong to no branch and be easy to lose. {_KEPT.format(path=relative)} Switch "
            f"to a branch (git switch main) and run whytui commit again, or commit on a new "
            f"review branch: whytui commit --branch {relative}"
        )
    state = _path_state(repo, relative)
    current = _branch_name(repo)
    subject, message = commit_message(session, relative, config, problems, extra)
    if state == "unchanged":
        return CommitResult(relative, None, current, False, subject, bool(problems))
    new_branch = BRANCH_PREFIX + slugify(session.title) if branch else None
    if new_branch:
        _check_branch_free(repo, new_branch, relative)
    committer = _Committer(repo, relative)
    committer.run(new_branch, staged=state == "untracked", message=message)
    return CommitResult(
        relative,
        _head_id(repo),
        new_branch or current,
        new_branch is not None,
        subject,
        bool(problems),
        _remote(repo) if new_branch else None,
    )


# -- the commit message ----------------------------------------------------------------------


def commit_message(
    session: Session, path: str, config: Config, problems: list[Problem], extra: str = ""
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


def _rules_message(path: str, problems: list[Problem]) -> str:
    listed = "\n".join(f"  - {escaped(one_line(p.message))}" for p in problems)
    return (
        f"{path} does not pass the closing rules yet ({plural(len(problems), 'problem')}):\n"
        f"{listed}\n{_KEPT.format(path=path)} Fix these in the app (or the file), or commit it "
        f"as work in progress: whytui commit --allow-open {path}"
    )


# -- finding things out ----------------------------------------------------------------------


def _repository(path: Path) -> Repo:
    folder = path.absolute().parent
    try:
        repo = Repo(folder, search_parent_directories=True)
    except (InvalidGitRepositoryError, NoSuchPathError):
        raise CommitRefused(
            f"{path} is not inside a git repository, so there is nothing to commit it to. "
            f"The file stays saved where it is. To keep reviews in git, run `git init` at the "
            f"top of your project (or move the file into a repository's sessions folder), "
            f"then run whytui commit again."
        ) from None
    if repo.bare or repo.working_tree_dir is None:
        raise CommitRefused(
            f"{path} is inside a bare git repository (one with no working tree). The file "
            "stays saved where it is; commit it from a clone that has a working tree."
        )
    return repo


def _relative_path(repo: Repo, path: Path) -> str:
    top = Path(str(repo.working_tree_dir)).resolve()
    resolved = path.resolve()
    git_dir = Path(repo.git_dir).resolve()
    if not resolved.is_relative_to(top) or resolved.is_relative_to(git_dir):
        raise CommitRefused(
            f"{path} resolves to {resolved}, which is outside the working tree of the "
            f"repository at {top} (a symbolic link, or a file inside .git). Nothing was "
            f"committed and the file stays where it is. Move or copy the session into the "
            f"repository (its sessions folder) and commit that path."
        )
    return resolved.relative_to(top).as_posix()


_IDENTITY = (
    ("author", "name", "GIT_AUTHOR_NAME", "user.name"),
    ("author", "email", "GIT_AUTHOR_EMAIL", "user.email"),
    ("committer", "name", "GIT_COMMITTER_NAME", "user.name"),
    ("committer", "email", "GIT_COMMITTER_EMAIL", "user.email"),
)


def _check_identity(repo: Repo, path: str) -> None:
    """Refuse unless git has a configured (not guessed) author and committer.

    Asked of the git command line, so config includes, `-c` and `GIT_CONFIG_*` count the way
    they count for `git commit`; then the environment overrides it as git does. What git would
    guess from the login name and host name is exactly the invented identity to refuse.
    """
    status, out, _ = _git(
        repo, "config", "--get-regexp", r"^(user|author|committer)\.(name|email)$"
    )
    configured: dict[str, str] = {}
    for line in out.splitlines() if status == 0 else []:
        key, _, value = line.partition(" ")
        configured[key] = value  # the last value of a key wins, as in git
    missing = list(
        dict.fromkeys(  # user.name before user.email, each once
            fallback
            for role, field, variable, fallback in _IDENTITY
            if not (
                os.environ.get(variable)
                or configured.get(f"{role}.{field}")
                or configured.get(fallback)
                or (field == "email" and os.environ.get("EMAIL"))
            )
        )
    )
    if missing:
        examples = {"user.name": "Your Name", "user.email": "you@example.com"}
        commands = "\n".join(f'  git config --global {key} "{examples[key]}"' for key in missing)
        raise CommitRefused(
            f"git has no {' or '.join(missing)} set for this repository, and whytui never "
            f"commits under a made-up identity. {_KEPT.format(path=path)} Tell git who you "
            f"are (leave out --global to set it for this repository only):\n{commands}\n"
            "then run whytui commit again."
        )


def _path_state(repo: Repo, path: str) -> str:
    """'untracked', 'changed' or 'unchanged'; refuses a file git is told to ignore."""
    status, out, err = _git(
        repo,
        "status",
        "--porcelain=v1",
        "-z",
        "--untracked-files=all",
        "--ignored",
        "--",
        literal(path),
    )
    if status != 0:
        raise CommitRefused(_git_failed("git status", err, path))
    code = out[:2]
    if code == "!!":
        raise CommitRefused(
            f"{path} is ignored by git (a .gitignore rule matches it), so whytui won't add it. "
            f"{_KEPT.format(path=path)} See which rule: git check-ignore -v {path}; change it, "
            "then run whytui commit again."
        )
    if code == "??":
        return "untracked"
    return "changed" if code.strip() else "unchanged"


def _head_id(repo: Repo) -> str:
    """HEAD's commit id, read from the refs (`repo.head.commit` would start a git cat-file)."""
    return str(SymbolicReference.dereference_recursive(repo, "HEAD"))


def _branch_name(repo: Repo) -> str:
    if repo.head.is_detached:
        return "HEAD"
    return str(repo.head.reference.name)


def _check_branch_free(repo: Repo, branch: str, path: str) -> None:
    if branch in {head.name for head in repo.heads}:
        raise CommitRefused(
            f"Branch {branch} already exists, and whytui won't move or reuse it. "
            f"{_KEPT.format(path=path)} Switch to it (git switch {branch}) and run "
            f"whytui commit {path} there, or rename it (git branch -m {branch} NEW-NAME) "
            "and run whytui commit --branch again."
        )


def _remote(repo: Repo) -> str | None:
    names = [remote.name for remote in repo.remotes]
    return "origin" if "origin" in names else (names[0] if names else None)


# -- doing it --------------------------------------------------------------------------------


def literal(path: str) -> str:
    """A pathspec that means this one file, even if its name has `*`, `?` or `[` in it.

    Scoped to the one argument: `--literal-pathspecs` would be inherited by the user's hooks.
    """
    return f":(literal){path}"


def _git(repo: Repo, *args: str) -> tuple[int, str, str]:
    """Run git in the repository's top folder: (exit status, stdout, stderr), never raising.

    In the user's own locale (GitPython would force C): hooks run as they do from a shell, and
    speak the user's language in the output a refusal shows. Nothing here parses git's prose.
    """
    locale = {name: os.environ.get(name, "") for name in ("LANGUAGE", "LC_ALL")}
    status, out, err = repo.git.execute(
        ["git", *args], with_extended_output=True, with_exceptions=False, env=locale
    )
    return int(status or 0), str(out), str(err)


def _git_failed(what: str, output: str, path: str) -> str:
    shown = "\n".join(f"  | {line}" for line in output.strip().splitlines()) or "  | (no output)"
    return f"{what} failed. What it printed:\n{shown}\n{_KEPT.format(path=path)}"


def _is_lock_error(output: str) -> bool:
    """Git names the lock file in every language ("Unable to create '…/index.lock'")."""
    return "index.lock" in output


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
        back = _head_id(self.repo) if detached else self.repo.head.reference.path
        self._step("git switch -c", "switch", "--quiet", "--create", branch)

        def switch_back() -> str | None:
            if detached:
                status, _, _ = self._locked("switch", "--quiet", "--detach", back)
            else:  # HEAD's commit is unchanged, so only HEAD itself has to point back
                status, _, _ = _git(self.repo, "symbolic-ref", "HEAD", back)
            if status != 0:
                return f"you are still on the new branch {branch}; switch back yourself."
            _git(self.repo, "branch", "--quiet", "--delete", "--force", branch)  # if born
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
            raise CommitRefused(_git_failed(what, err or out, self.path))

    def _locked(self, *args: str) -> tuple[int, str, str]:
        """Run a git command that takes the index lock, waiting briefly while another has it."""
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        delay = 0.05
        while True:
            if not self.lock.exists():
                status, out, err = _git(self.repo, *args)
                if status == 0 or not _is_lock_error(err):
                    return status, out, err
            if time.monotonic() >= deadline:
                raise CommitRefused(self._lock_message())
            time.sleep(delay)
            delay = min(delay * 2, 0.4)

    def _lock_message(self) -> str:
        return (
            f"Another git process is using this repository: {self.lock} exists, and was still "
            f"there after {LOCK_WAIT_SECONDS:g} seconds. whytui waited and left it alone. "
            f"{_KEPT.format(path=self.path)} Your staged changes are as they were. If no git "
            "command is running (an editor's git integration, a crashed git), remove the lock "
            f"once you are sure (rm {self.lock}), then run whytui commit again."
        )

    def _commit_failed(self, out: str, err: str) -> str:
        output = "\n".join(part for part in (out.strip(), err.strip()) if part)
        return (
            _git_failed("git commit (or a hook of this repository)", output, self.path)
            + " Your other staged changes are as they were. Fix what it reports and run "
            "whytui commit again."
        )
