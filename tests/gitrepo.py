"""Real git repositories in temporary folders, set up with the git command line.

Tests must not see the machine's own git configuration (a global identity would hide the
identity refusal, a global hook path would run someone's hooks), so `isolate_git` points HOME
and the global and system config away before any repository is made; each repository then
gets its identity locally, as a user would set it.
"""

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from whytui.core import edits
from whytui.core.models import Session, SessionStatus
from whytui.store.sessionfile import save

IDENTITY_VARIABLES = (
    "GIT_AUTHOR_NAME",
    "GIT_AUTHOR_EMAIL",
    "GIT_COMMITTER_NAME",
    "GIT_COMMITTER_EMAIL",
    "EMAIL",
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
)


def isolate_git(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in IDENTITY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def git(cwd: Path, *args: str, check: bool = True, stdin: str | None = None) -> str:
    """Run git in `cwd` and return its stdout; fail the test with git's output if it fails."""
    done = subprocess.run(
        ["git", *args], cwd=cwd, input=stdin, capture_output=True, text=True, env=os.environ
    )
    if check and done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def init_repo(path: Path, *, identity: bool = True) -> Path:
    """A repository on branch main with one commit (a README), identity set locally."""
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "--quiet", "--initial-branch=main")
    if identity:
        git(path, "config", "user.name", "Ada Reviewer")
        git(path, "config", "user.email", "ada@example.com")
    (path / "README.md").write_text("project\n")
    git(path, "add", "README.md")
    git(
        path,
        "-c",
        "user.name=Setup",
        "-c",
        "user.email=setup@example.com",
        "commit",
        "--quiet",
        "-m",
        "Initial commit",
    )
    return path


def head(repo: Path) -> str:
    return git(repo, "rev-parse", "HEAD").strip()


def staged(repo: Path) -> str:
    """The staged changes, in full: equal before and after means the index was left alone."""
    return git(repo, "diff", "--cached", "--binary")


def status(repo: Path) -> str:
    return git(repo, "status", "--porcelain=v1", "--untracked-files=all")


def files_in(repo: Path, rev: str = "HEAD") -> list[str]:
    """The paths a commit changed."""
    out = git(repo, "show", "--name-only", "--format=", rev)
    return [line for line in out.splitlines() if line]


def closable_session() -> Session:
    """A review that passes the closing rules: one structural root cause, one checkable action."""
    session = Session(
        title="Checkout outage: Redis ran out of memory",
        date=dt.date(2026, 8, 12),
        facilitator="Priya Raman",
        incidents=("INC-2291",),
        services=("checkout", "redis-sessions"),
        problem="For 47 minutes, 38% of checkout requests failed with HTTP 500.",
    )
    session, why = edits.add_why(session, "root", "The session store rejected every write.")
    session, cause = edits.add_why(
        session, why, "Redis eviction policy defaults to noeviction in our Helm chart."
    )
    session = edits.close_as_root_cause(session, cause, "unsafe-default")
    session, _ = edits.add_action(
        session,
        text="Set maxmemory-policy to volatile-lru in the Helm chart's default values.",
        owner="Ade Okafor",
        due=dt.date(2026, 8, 19),
        done_when="helm template renders maxmemory-policy volatile-lru for every Redis release.",
        causes=(cause,),
    )
    session = edits.set_closing(
        session,
        "The chart's defaults would have had to evict keys with an expiry under memory pressure.",
        "Every other Redis release built from the shared chart has the same default.",
    )
    return edits.set_fields(session, status=SessionStatus.CLOSED)


def open_session() -> Session:
    """A review still in progress: one open leaf, closing questions unanswered."""
    session = Session(
        title="Search results stale after deploy",
        date=dt.date(2026, 11, 3),
        problem="Search showed six-hour-old results after the indexer deploy.",
    )
    session, _ = edits.add_why(session, "root", "The indexer consumed from the latest offset.")
    return session


def write_session(repo: Path, session: Session, name: str = "review.toml") -> Path:
    path = repo / "sessions" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    save(session, path)
    return path
