"""How much `whytui lint` costs over merely parsing the same files (target: at most 1.5x).

Generates 1,000 sessions of ~50 whys, then times, on a warm file cache:
  parse      read each file and `tomllib.loads` it: the floor any TOML linter pays;
  tomli      the same with `tomli`, tomllib's code compiled, which whytui reads with;
  lint       `whytui.commands.cli.main(["lint", folder])` in this process (output to /dev/null);
  lint-proc  `python -m whytui lint folder` as CI runs it, interpreter start included;
  no-judge   lint in process with both judges answering at once: what the rest costs.
The four run back to back in each round, so that a busy machine slows all of them alike.
Time is CPU time (user + system, of the child for lint-proc): on a shared machine wall time
swings by half from one run to the next, CPU time barely. Wall time is shown beside it. Each
figure is its best round; ratios are the median of the rounds' ratios of CPU time.

    uv run python benchmarks/bench_lint.py [--count 1000] [--nodes 50] [--profile]

Figures are printed, never asserted: they depend on the machine.
"""

import argparse
import contextlib
import cProfile
import os
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

import tomli

from generate import generate_sessions
from whytui.commands.cli import main as whytui_main
from whytui.core import rules
from whytui.judge import ActionVerdict, CauseVerdict

TARGET = 1.5


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(work: Callable[[], object]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) that `work` took."""
    cpu, wall = cpu_seconds(), time.perf_counter()
    work()
    return cpu_seconds() - cpu, time.perf_counter() - wall


def parse_all(paths: list[Path], loads: Callable[[str], object] = tomllib.loads) -> None:
    for path in paths:
        loads(path.read_bytes().decode("utf-8"))


def lint_in_process(folder: Path) -> int:
    with (
        Path(os.devnull).open("w") as sink,
        contextlib.redirect_stdout(sink),
        contextlib.redirect_stderr(sink),
    ):
        return whytui_main(["lint", str(folder)])


def lint_without_judges(folder: Path) -> int:
    """Lint as if judging were free, to show how much of lint's time the judges take."""
    real = rules.judge_cause, rules.judge_action
    cause, action = CauseVerdict(ends_at_person=False), ActionVerdict(is_specific=True)
    rules.judge_cause, rules.judge_action = (lambda *_: cause), (lambda *_: action)
    try:
        return lint_in_process(folder)
    finally:
        rules.judge_cause, rules.judge_action = real


def lint_subprocess(folder: Path) -> None:
    command = [sys.executable, "-m", "whytui", "lint", str(folder)]
    subprocess.run(command, capture_output=True, check=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--nodes", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="print where lint spends time")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="whytui-bench-") as temp:
        folder = Path(temp)
        start = time.perf_counter()
        paths = generate_sessions(folder, args.count, args.nodes)
        generated = time.perf_counter() - start
        size = sum(p.stat().st_size for p in paths)
        print(f"generated {len(paths)} sessions ({size / 1e6:.1f} MB) in {generated:.1f} s")

        parse_all(paths)  # warm the file cache and the interpreter
        exit_code = lint_in_process(folder)
        work: dict[str, Callable[[], object]] = {
            "parse": lambda: parse_all(paths),
            "tomli": lambda: parse_all(paths, tomli.loads),
            "lint": lambda: lint_in_process(folder),
            "lint-proc": lambda: lint_subprocess(folder),
            "no-judge": lambda: lint_without_judges(folder),
        }
        rounds = [{name: timed(run) for name, run in work.items()} for _ in range(args.runs)]

        def ratio(name: str, base: str = "parse") -> float:
            return statistics.median(r[name][0] / r[base][0] for r in rounds)

        print(f"lint exit code {exit_code}; {args.runs} rounds")
        print(f"{'':22}{'cpu s':>8}{'wall s':>8}{'cpu ms/file':>13}")
        labels = {
            "parse": "parse (tomllib)",
            "tomli": "parse (tomli)",
            "lint": "lint (in process)",
            "lint-proc": "lint (subprocess)",
            "no-judge": "lint, judges stubbed",
        }
        for name, label in labels.items():
            cpu = min(r[name][0] for r in rounds)
            wall = min(r[name][1] for r in rounds)
            print(f"{label:22}{cpu:8.2f}{wall:8.2f}{cpu / len(paths) * 1e3:13.2f}")
        verdict = "within" if ratio("lint") <= TARGET else "OVER"
        print(f"ratio lint/parse        {ratio('lint'):5.2f}x  ({verdict} the {TARGET}x target)")
        print(f"ratio lint-proc/parse   {ratio('lint-proc'):5.2f}x  (interpreter start included)")
        print(f"ratio lint/tomli        {ratio('lint', 'tomli'):5.2f}x  (the parser whytui uses)")
        print(f"ratio no-judge/parse    {ratio('no-judge'):5.2f}x  (lint if judging were free)")

        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(lint_in_process, folder)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
