"""What the app costs: launch to first frame, and adding a why on a big tree.

launch   `whytui demo` (the scratch copy, the lock, the session screen) against a bare Textual
         app with a Header, a Tree and a Footer, each in a fresh interpreter, both headless;
         timed from the first line of the child to the first frame drawn, imports included.
         Target: at most 1.3x.
add      posting an `EditSession` that adds one why, until the edit is applied and the screen
         drawn again (a full frame: every line composed), on a 2,000-node session against a
         20-node one. Target: at most 2x.

Launches report wall and CPU time (CPU time barely moves on a shared machine, wall time
does); adds report wall time. Each figure is the median of its runs, and the runs of the two
sides alternate, so a busy machine slows both alike.

    uv run python benchmarks/bench_app.py [--runs 9] [--adds 30]

Figures are printed, never asserted: they depend on the machine.
"""

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LAUNCH_TARGET = 1.3
ADD_TARGET = 2.0

CHILD = r"""
import time
started, started_cpu = time.perf_counter(), time.process_time()
import asyncio, sys
from pathlib import Path

async def first_frame(app):
    async with app.run_test(headless=True, size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen._compositor.render_strips()
        return time.perf_counter() - started, time.process_time() - started_cpu

def bare():
    from textual.app import App
    from textual.widgets import Footer, Header, Tree

    class Bare(App[None]):
        def compose(self):
            yield Header()
            tree = Tree("Problem")
            for n in range(6):
                tree.root.add_leaf(f"why {n}")
            yield tree
            yield Footer()

    return Bare()

def demo():
    from whytui.commands.app import demo_copy, prepare_app

    path = demo_copy(Path(sys.argv[2]) / "cache")
    return prepare_app(path, state_dir=Path(sys.argv[2]))

def opened():
    from whytui.commands.app import prepare_app

    return prepare_app(Path(sys.argv[3]), state_dir=Path(sys.argv[2]))

app = {"demo": demo, "bare": bare, "open": opened}[sys.argv[1]]()
print(*asyncio.run(first_frame(app)))
"""


def child_env(pycache: Path) -> dict[str, str]:
    """Bytecode cached (in a folder of our own), as an installed whytui runs.

    With PYTHONDONTWRITEBYTECODE every launch would compile Textual from source, which is
    most of the time and not what a user's second launch costs.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def launch(kind: str, state: Path, *args: str) -> tuple[float, float]:
    """Wall and CPU seconds from the child's first line to its first frame.

    `kind`: "bare" (Textual alone), "demo", or "open" with the session's path in `args`.
    """
    result = subprocess.run(
        [sys.executable, "-c", CHILD, kind, str(state), *args],
        capture_output=True,
        text=True,
        check=True,
        env=child_env(state / "pycache"),
    )
    wall, cpu = result.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def bench_launch(runs: int) -> dict[str, tuple[float, float]]:
    """Median wall and CPU time of each kind of launch."""
    with tempfile.TemporaryDirectory(prefix="whytui-bench-") as scratch:
        state = Path(scratch)
        launch("bare", state), launch("demo", state)  # warm the file cache and bytecode
        times: dict[str, list[tuple[float, float]]] = {"bare": [], "demo": []}
        for _ in range(runs):
            for kind, runs_of_kind in times.items():
                runs_of_kind.append(launch(kind, state))
    return {
        kind: (statistics.median(w for w, _ in got), statistics.median(c for _, c in got))
        for kind, got in times.items()
    }


async def time_adds(nodes: int, adds: int) -> float:
    with tempfile.TemporaryDirectory(prefix="whytui-bench-") as scratch:
        return await _time_adds_in(Path(scratch), nodes, adds)


async def _time_adds_in(folder: Path, nodes: int, adds: int) -> float:
    from generate import generate_session
    from whytui.core import edits
    from whytui.store import sessionfile
    from whytui.ui.app import WhyApp
    from whytui.ui.messages import EditSession

    session = generate_session(random.Random(nodes), nodes=nodes)
    path = folder / "session.toml"
    sessionfile.save(session, path)
    app = WhyApp(path, session=session, state_dir=folder / "state")
    timings: list[float] = []
    async with app.run_test(headless=True, size=(80, 24)) as pilot:
        await pilot.pause()
        leaf = session.leaves()[len(session.leaves()) // 2].id
        app.session_screen.select(leaf)
        for number in range(adds):
            started = time.perf_counter()
            updated, _ = edits.add_why(app.session, leaf, f"Why number {number}?")
            app.post_message(EditSession(updated, "add why", leaf))
            await pilot.pause()
            app.screen._compositor.render_strips()
            timings.append(time.perf_counter() - started)
        await app.flush_autosave()
    return statistics.median(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--adds", type=int, default=30)
    args = parser.parse_args()

    launches = bench_launch(args.runs)
    (bare_wall, bare_cpu), (demo_wall, demo_cpu) = launches["bare"], launches["demo"]
    print(f"launch to first frame, median of {args.runs} (80x24, headless)     wall       cpu")
    for name, (wall, cpu) in (
        ("bare Textual (Header, Tree, Footer)", launches["bare"]),
        ("whytui demo", launches["demo"]),
    ):
        print(f"  {name:<36} {wall * 1000:7.1f} ms {cpu * 1000:7.1f} ms")
    print(
        f"  ratio {demo_wall / bare_wall:.2f}x wall, {demo_cpu / bare_cpu:.2f}x cpu "
        f"(target <= {LAUNCH_TARGET}x)"
    )

    small = asyncio.run(time_adds(20, args.adds))
    large = asyncio.run(time_adds(2000, args.adds))
    print(f"add a why and draw the frame, median of {args.adds}")
    print(f"  20 nodes     {small * 1000:7.2f} ms")
    print(f"  2,000 nodes  {large * 1000:7.2f} ms")
    print(f"  ratio {large / small:.2f}x (target <= {ADD_TARGET}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
