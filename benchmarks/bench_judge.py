"""Time the judges per statement: `uv run python benchmarks/bench_judge.py [--rounds N]`.

The target is well under a millisecond a statement: the app judges as the facilitator types,
and `whytui lint` judges every node of every session. Statements come from the shared corpus
beside the repository (../shared/corpus) and the held-out sets in tests/data, repeated; the
best of several rounds is reported, since a shared machine only ever makes a round slower, and
CPU time beside wall-clock time, since other jobs on the machine inflate the latter.
"""

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from whytui.judge import judge_action, judge_cause

ROOT = Path(__file__).resolve().parents[1]
SOURCES = {
    "causes": [
        ROOT.parent / "shared" / "corpus" / "causes.tsv",
        ROOT / "tests" / "data" / "heldout_causes.tsv",
    ],
    "actions": [
        ROOT.parent / "shared" / "corpus" / "actions.tsv",
        ROOT / "tests" / "data" / "heldout_actions.tsv",
    ],
}


def statements(paths: list[Path]) -> list[str]:
    texts: list[str] = []
    for path in paths:
        if path.is_file():
            lines = path.read_text(encoding="utf-8").splitlines()[1:]
            texts += [line.split("\t", 1)[1] for line in lines if "\t" in line]
    return texts


def per_statement(
    judge: Callable[[str], Any], texts: list[str], repeat: int, rounds: int
) -> tuple[list[float], list[float]]:
    """Microseconds per statement, wall clock and CPU time, one figure per round."""
    wall: list[float] = []
    cpu: list[float] = []
    count = repeat * len(texts)
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        for _ in range(repeat):
            for text in texts:
                judge(text)
        wall.append((time.perf_counter() - start) / count * 1e6)
        cpu.append((time.process_time() - start_cpu) / count * 1e6)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--repeat", type=int, default=50, help="passes over the statements per round"
    )
    args = parser.parse_args()
    for name, judge in (("causes", judge_cause), ("actions", judge_action)):
        texts = statements(SOURCES[name])
        if not texts:
            raise SystemExit(f"no {name} statements found in {', '.join(map(str, SOURCES[name]))}")
        wall, cpu = per_statement(judge, texts, args.repeat, args.rounds)
        print(
            f"{judge.__name__}: {len(texts)} statements x {args.repeat} x {args.rounds} rounds: "
            f"best {min(wall):.1f} µs/statement (median {statistics.median(wall):.1f}); "
            f"CPU best {min(cpu):.1f} µs (median {statistics.median(cpu):.1f})"
        )


if __name__ == "__main__":
    main()
