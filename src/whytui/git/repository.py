"""What whytui finds out about the user's repository before committing, and how it asks git.

Every question goes to the git command line (through GitPython) in the user's own locale and
environment, so identity, hooks and ignore rules are git's own answers. A refusal found here
is a `CommitRefused` whose text says what happened, what was kept and what to do next.
"""

import os
from pathlib import Path

from git.exc import InvalidGitRepositoryError, NoSuchPathError

from git import Repo, SymbolicReference

KEPT = "Nothing was committed; {path} stays saved as it is."
"""Said with every refusal: a refusal leaves the file saved and the repository as found."""


class CommitRefused(Exception):
    """A commit whytui would not make, or git would not; `str()` is the message for a person."""


def literal(path: str) -> str:
    """A pathspec that means this one file, even if its name has `*`, `?` or `[` in it.

    Scoped to the one argument: `--literal-pathspecs` would be inherited by the user's hooks.
    """
    return f":(literal){path}"


def run_git(repo: Repo, *args: str) -> tuple[int, str, str]:
    """Run git in the repository's top folder: (exit status, stdout, stderr), never raising.

    In the user's own locale (GitPython would force C): hooks run as they do from a shell, and
    speak the user's language in the output a refusal shows. Nothing here parses git's prose.
    """
    locale = {name: os.environ.get(name, "") for name in ("LANGUAGE", "LC_ALL")}
    status, out, err = repo.git.execute(
        ["git", *args], with_extended_output=True, with_exceptions=False, env=locale
    )
    return int(status or 0), str(out), str(err)


def git_failed(what: str, output: str, path: str) -> str:
    shown = "\n".join(f"  | {line}" for line in output.strip().splitlines()) or "  | (no output)"
    return f"{what} failed. What it printed:\n{shown}\n{KEPT.format(path=path)}"


def is_lock_error(output: str) -> bool:
    """Git names the lock file in every language ("Unable to create '…/index.lock'")."""
    return "index.lock" in output


def find_repository(path: Path) -> Repo:
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


def relative_path(repo: Repo, path: Path) -> str:
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


def check_identity(repo: Repo, path: str) -> None:
    """Refuse unless git has a configured (not guessed) author and committer.

    Asked of the git command line, so config includes, `-c` and `GIT_CONFIG_*` count the way
    they count for `git commit`; then the environment overrides it as git does. What git would
    guess from the login name and host name is exactly the invented identity to refuse.
    """
    status, out, _ = run_git(
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
            f"commits under a made-up identity. {KEPT.format(path=path)} Tell git who you "
            f"are (leave out --global to set it for this repository only):\n{commands}\n"
            "then run whytui commit again."
        )


def path_state(repo: Repo, path: str) -> str:
    """'untracked', 'changed' or 'unchanged'; refuses a file git is told to ignore."""
    status, out, err = run_git(
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
        raise CommitRefused(git_failed("git status", err, path))
    code = out[:2]
    if code == "!!":
        raise CommitRefused(
            f"{path} is ignored by git (a .gitignore rule matches it), so whytui won't add it. "
            f"{KEPT.format(path=path)} See which rule: git check-ignore -v {path}; change it, "
            "then run whytui commit again."
        )
    if code == "??":
        return "untracked"
    return "changed" if code.strip() else "unchanged"


def head_id(repo: Repo) -> str:
    """HEAD's commit id, read from the refs (`repo.head.commit` would start a git cat-file)."""
    return str(SymbolicReference.dereference_recursive(repo, "HEAD"))


def branch_name(repo: Repo) -> str:
    if repo.head.is_detached:
        return "HEAD"
    return str(repo.head.reference.name)


def check_branch_free(repo: Repo, branch: str, path: str) -> None:
    if branch in {head.name for head in repo.heads}:
        raise CommitRefused(
            f"Branch {branch} already exists, and whytui won't move or reuse it. "
            f"{KEPT.format(path=path)} Switch to it (git switch {branch}) and run "
            f"whytui commit {path} there, or rename it (git branch -m {branch} NEW-NAME) "
            "and run whytui commit --branch again."
        )


def remote_of(repo: Repo) -> str | None:
    names = [remote.name for remote in repo.remotes]
    return "origin" if "origin" in names else (names[0] if names else None)


def commit_holding(path: Path) -> str:
    """The short id of the commit that holds `path` as it is on disk: the last one to touch
    it, when git sees no change since ('' when it has changes, is untracked, or there is no
    repository)."""
    try:
        repo = find_repository(path)
        relative = relative_path(repo, path)
        if path_state(repo, relative) != "unchanged":
            return ""
    except CommitRefused:
        return ""
    status, out, _ = run_git(repo, "log", "-1", "--format=%h", "--", literal(relative))
    return out.strip() if status == 0 else ""
