"""How long `whytui actions` and `whytui patterns` take over 2,000 sessions (target: 2 s each).

Generates sessions with `generate.py` (a repository's sessions folder), then times, each the
best of a few runs on a warm file cache:
  parse (tomllib)  read each file and `tomllib.loads` it: the floor the brief measures against;
  parse (tomli)    the same with tomli, the compiled tomllib whytui reads with;
  load             `whytui.store.corpus.load_corpus` in this process: read, parse, validate;
  actions          `python -m whytui actions --repo R` as a person or CI runs it, start-up
                   included (text, and json, to /dev/null);
  patterns         `python -m whytui patterns --repo R` likewise (text, and --chart).

    uv run python benchmarks/bench_crossref.py [--count 2000] [--nodes 12] [--profile]

Figures are printed, never asserted: they depend on the machine and on what else runs on it.
So each row also gives the CPU seconds it used (for the subprocesses, their user + system
time): on a busy machine wall time stretches with the load average, CPU time much less, and
on an idle one the two agree. Subprocesses run with bytecode caching on (as after a pip
install), even where PYTHONDONTWRITEBYTECODE is set, after one warm-up run.
"""

import argparse
import cProfile
import datetime as dt
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

import tomli

from generate import generate_sessions
from whytui.core.patterns import clusters, root_causes
from whytui.store.corpus import load_corpus

TARGET_SECONDS = 2.0


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def best_of(runs: int, work: Callable[[], object]) -> tuple[float, float]:
    """The best wall time and the best CPU time of `runs` runs."""
    walls, cpus = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), _cpu()
        work()
        walls.append(time.perf_counter() - start)
        cpus.append(_cpu() - start_cpu)
    return min(walls), min(cpus)


def parse_all(paths: list[Path], loads: Callable[[str], object]) -> None:
    for path in paths:
        loads(path.read_bytes().decode("utf-8"))


ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def whytui(*args: str) -> Callable[[], None]:
    command = [sys.executable, "-m", "whytui", *args]

    def run() -> None:
        done = subprocess.run(command, capture_output=True, check=False, env=ENVIRONMENT)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr!r}")

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument(
        "--nodes", type=int, default=12, help="whys a session (the demo has 6; 50 is a big one)"
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="where clustering spends time")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="whytui-bench-") as temp:
        repo = Path(temp)
        folder = repo / "sessions"
        start = time.perf_counter()
        paths = generate_sessions(folder, args.count, args.nodes)
        generated = time.perf_counter() - start
        size = sum(p.stat().st_size for p in paths)
        print(
            f"generated {len(paths):,} sessions of {args.nodes} whys "
            f"({size / 1e6:.1f} MB) in {generated:.1f} s"
        )

        parse_all(paths, tomllib.loads)  # warm the file cache
        corpus = load_corpus([folder])
        causes = root_causes(corpus)
        actions = sum(len(e.session.actions) for e in corpus.entries)
        found = clusters(corpus)
        recurring = sum(len(c.causes) for c in found)
        print(
            f"{len(causes):,} root causes, {actions:,} action items; {len(found):,} recurring "
            f"clusters holding {recurring:,} causes"
        )

        today = dt.date(2026, 1, 1).isoformat()
        whytui("patterns", "--repo", temp)()  # warm-up: writes bytecode caches
        print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores)")
        rows = [
            ("parse (tomllib)", best_of(args.runs, lambda: parse_all(paths, tomllib.loads))),
            ("parse (tomli)", best_of(args.runs, lambda: parse_all(paths, tomli.loads))),
            ("load (in process)", best_of(args.runs, lambda: load_corpus([folder]))),
            ("clusters (in proc)", best_of(args.runs, lambda: clusters(load_corpus([folder])))),
            ("actions", best_of(args.runs, whytui("actions", "--repo", temp, "--today", today))),
            (
                "actions --format json",
                best_of(
                    args.runs,
                    whytui("actions", "--repo", temp, "--today", today, "--format", "json"),
                ),
            ),
            ("patterns", best_of(args.runs, whytui("patterns", "--repo", temp))),
            ("patterns --chart", best_of(args.runs, whytui("patterns", "--repo", temp, "--chart"))),
            (
                "python -c pass",
                best_of(args.runs, lambda: subprocess.run([sys.executable, "-c", ""], check=True)),
            ),
        ]
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        parse_wall, parse_cpu = rows[0][1]
        print(f"{'':24}{'wall s':>8} {'x parse':>8}   {'CPU s':>6} {'x parse':>8}")
        for name, (wall, cpu) in rows:
            verdict = ""
            if name.startswith(("actions", "patterns")):
                verdict = "  " + ", ".join(
                    f"{what} {'within' if seconds <= TARGET_SECONDS else 'OVER'} 2 s"
                    for what, seconds in (("wall", wall), ("CPU", cpu))
                )
            print(
                f"{name:24}{wall:8.3f} {wall / parse_wall:7.2f}x   {cpu:6.3f} "
                f"{cpu / parse_cpu:7.2f}x{verdict}"
            )

        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(clusters, load_corpus([folder]))
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
