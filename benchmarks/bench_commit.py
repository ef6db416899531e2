"""`whytui commit PATH` against plain `git commit --only -- PATH` on the same repository.

Each run is a fresh process, as a person or a script meets it: interpreter start-up, whytui's
and GitPython's imports, loading and checking the session, and git's own work are all inside
the measurement. The session file is changed between runs (outside the timing), and the two
commands alternate so that a busy machine slows both alike. Medians are printed with the parts
that make up whytui's time, and the same pair is measured again with a pre-commit hook that
lints the session (as the shipped `.pre-commit-hooks.yaml` would), the usual case in a
repository that reviews its sessions.

    uv run python benchmarks/bench_commit.py [--runs 9]

Target: whytui commit within 1.5x of git commit. Reported, never asserted.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from whytui.core import edits
from whytui.store.sessionfile import load, save

EXAMPLE = (
    Path(__file__).resolve().parents[1]
    / "sessions"
    / ("2026-08-12-checkout-outage-redis-memory-4f2a.toml")
)
SESSION = "sessions/review.toml"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def make_repo(folder: Path) -> Path:
    repo = folder / "repo"
    repo.mkdir()
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "config", "user.name", "Bench Mark")
    git(repo, "config", "user.email", "bench@example.com")
    (repo / "sessions").mkdir()
    shutil.copy(EXAMPLE, repo / SESSION)
    (repo / "unrelated.txt").write_text("staged, never committed by the benchmark\n")
    git(repo, "add", SESSION, "unrelated.txt")
    git(repo, "commit", "--quiet", "--only", "-m", "base", "--", SESSION)
    return repo


def touch_session(repo: Path, run: int) -> None:
    """A real change between runs that keeps the session closable: new evidence on a why."""
    path = repo / SESSION
    session = load(path)
    save(edits.set_evidence(session, session.nodes[0].id, (f"benchmark run {run}",)), path)


def timed(command: list[str], repo: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=repo, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return elapsed


def compare(repo: Path, runs: int) -> tuple[float, float]:
    whytui = [str(Path(sys.executable).with_name("whytui")), "commit", SESSION]
    plain = ["git", "commit", "--quiet", "--only", "-m", "Review (plain git)", "--", SESSION]
    samples: dict[str, list[float]] = {"whytui": [], "git": []}
    run = 0
    for _ in range(runs):
        for name, command in (("whytui", whytui), ("git", plain)):
            run += 1
            touch_session(repo, run)
            samples[name].append(timed(command, repo))
    return statistics.median(samples["whytui"]), statistics.median(samples["git"])


def median_of(runs: int, measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(runs))


def parts(repo: Path, runs: int) -> dict[str, float]:
    python = sys.executable
    steps = {
        "interpreter start-up": [python, "-c", "pass"],
        "+ whytui core (models, rules)": [
            python,
            "-c",
            "import whytui.store.sessionfile, whytui.core.rules",
        ],
        "+ GitPython": [python, "-c", "import whytui.store.sessionfile, whytui.core.rules, git"],
    }
    return {
        name: median_of(runs, lambda c=command: timed(c, repo)) for name, command in steps.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each command (default 9)")
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch) / "home"
        home.mkdir()
        os.environ |= {
            "HOME": str(home),
            "GIT_CONFIG_GLOBAL": str(home / ".gitconfig"),
            "GIT_CONFIG_NOSYSTEM": "1",
        }
        repo = make_repo(Path(scratch))
        print(f"median of {runs} runs each, milliseconds")
        imports = parts(repo, runs)
        for name, seconds in imports.items():
            print(f"  {name:32} {seconds * 1000:7.1f}")
        mine, theirs = compare(repo, runs)
        print(
            f"no hooks:          whytui commit {mine * 1000:7.1f}   git commit --only "
            f"{theirs * 1000:7.1f}   ratio {mine / theirs:5.1f}x"
        )
        work = mine - imports["+ GitPython"]
        print(f"  whytui commit beyond start-up and imports: {work * 1000:7.1f}")
        hook = repo / ".git" / "hooks" / "pre-commit"
        lint = Path(sys.executable).with_name("whytui")
        hook.write_text(f"#!/bin/sh\nexec '{lint}' lint {SESSION}\n")
        hook.chmod(0o755)
        mine, theirs = compare(repo, runs)
        print(
            f"with a lint hook:  whytui commit {mine * 1000:7.1f}   git commit --only "
            f"{theirs * 1000:7.1f}   ratio {mine / theirs:5.1f}x"
        )
        print("target: ratio <= 1.5x")


if __name__ == "__main__":
    main()
