"""How long `whytui actions` and `whytui patterns` take over 2,000 sessions (target: 2 s each).

Generates sessions with `generate.py` (a repository's sessions folder), then times, each the
best of a few runs on a warm file cache:
  parse (tomllib)  read each file and `tomllib.loads` it: the floor the brief measures against;
  parse (tomli)    the same with tomli, the compiled tomllib whytui reads with;
  load             `whytui.corpus.load_corpus` in this process: read, parse, validate;
  actions          `python -m whytui.cli actions --repo R` as a person or CI runs it, start-up
                   included (text, and json, to /dev/null);
  patterns         `python -m whytui.cli patterns --repo R` likewise (text, and --chart).

    uv run python benchmarks/bench_crossref.py [--count 2000] [--nodes 12] [--profile]

Figures are printed, never asserted: they depend on the machine and on what else runs on it.
"""

import argparse
import cProfile
import datetime as dt
import pstats
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

import tomli

from generate import generate_sessions
from whytui.corpus import load_corpus
from whytui.patterns import clusters, root_causes

TARGET_SECONDS = 2.0


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def parse_all(paths: list[Path], loads: Callable[[str], object]) -> None:
    for path in paths:
        loads(path.read_bytes().decode("utf-8"))


def whytui(*args: str) -> Callable[[], None]:
    command = [sys.executable, "-m", "whytui.cli", *args]

    def run() -> None:
        done = subprocess.run(command, capture_output=True, check=False)
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
                best_of(args.runs, lambda: subprocess.run([sys.executable, "-c", ""])),
            ),
        ]
        parse = rows[0][1]
        print(f"{'':24}{'seconds':>8}  {'x tomllib parse':>15}")
        for name, seconds in rows:
            verdict = ""
            if name.startswith(("actions", "patterns")):
                verdict = "  within 2 s" if seconds <= TARGET_SECONDS else "  OVER 2 s"
            print(f"{name:24}{seconds:8.3f}  {seconds / parse:14.2f}x{verdict}")

        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(clusters, load_corpus([folder]))
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
