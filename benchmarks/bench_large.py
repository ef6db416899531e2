"""What a 10,000-node session costs: open, scroll, edit, undo, autosave.

open     `whytui open` on the file in a fresh interpreter, headless at 80x24, from the child's
         first line to the first frame drawn (imports, reading the file, building the tree);
         against the same on a 200-node session (a big real review).
keys     in the open app: end (cursor to the last line), page down, down, each until the
         screen is drawn again (a full frame: every line composed).
add      a why added under the deepest leaf (as the editor does, through `EditSession`) until
         the frame is drawn; undo the same.
autosave `flush_autosave` after an edit: the check that the file is unchanged on disk, the
         write (temp file, fsync, rename) and the cursor memory; and `sessionfile.dumps` alone.

Each figure is the median of its runs, wall time and CPU time of this process (CPU time moves
little on a shared machine, wall time does; wall includes waiting for the next frame).
A keystroke that takes over ~100 ms of wall time is a visible freeze.

    uv run python benchmarks/bench_large.py [--nodes 10000] [--runs 3] [--keys 10]

Figures are printed, never asserted: they depend on the machine.
"""

import argparse
import asyncio
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from bench_app import launch
from whytui.core import edits
from whytui.core.categories import BUILTIN_CATEGORIES
from whytui.core.models import Session, WhyNode
from whytui.store import sessionfile

MAX_DEPTH = 12
SMALL = 200
"""The size of the session to compare with: a long real review (it scrolls too)."""
THINGS = (
    "cache", "connection pool", "job queue", "alert rule", "deploy script", "TLS cert",
    "DNS record", "feature flag", "cron job", "rate limiter", "load balancer", "schema",
)  # fmt: skip
FAILURES = (
    "did not scale past", "never paged on", "retried without backoff after",
    "drained too slowly at", "kept the default of", "timed out after",
)  # fmt: skip


def large_session(nodes: int, seed: int = 0) -> Session:
    """A why-tree of `nodes` nodes up to `MAX_DEPTH` deep, a sixth closed as root causes.

    Built directly (not through `edits`, whose id checks make a 10,000-node build slow); each
    new why hangs mostly under one of the latest, so branches run deep as in a real review.
    """
    rng = random.Random(seed)
    made: list[WhyNode] = []
    depth: dict[str, int] = {"root": 0}
    for number in range(nodes):
        parent = "root"
        if made and rng.random() > 0.02:
            parent = made[-1 - min(int(rng.expovariate(0.4)), len(made) - 1)].id
        if depth[parent] >= MAX_DEPTH:
            parent = "root"
        node_id = f"w-{number:012x}".replace("i", "j")
        depth[node_id] = depth[parent] + 1
        text = (
            f"The {rng.choice(THINGS)} {rng.choice(FAILURES)} {rng.randint(2, 900)} "
            f"requests in region {number % 17} because nothing checked step {number}."
        )
        made.append(WhyNode(id=node_id, parent=parent, text=text))
    parents = {node.parent for node in made}
    categories = [c.id for c in BUILTIN_CATEGORIES]
    closed = tuple(
        node.model_copy(update={"category": rng.choice(categories)})
        if node.id not in parents and rng.random() < 0.35
        else node
        for node in made
    )
    return Session(
        title="Checkout outage: every queue backed up",
        date=dt.date(2026, 11, 27),
        problem="Checkout failed for 40% of customers for two hours.",
        nodes=closed,
    )


def median_ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:8.1f} ms"


def bench_open(paths: dict[str, Path], state: Path, runs: int) -> None:
    for path in paths.values():
        launch("open", state, str(path))  # warm the file cache and bytecode
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in paths}
    for _ in range(runs):
        for name, path in paths.items():
            times[name].append(launch("open", state, str(path)))
    print(f"open to first frame, median of {runs} (fresh interpreter)          wall        cpu")
    for name, got in times.items():
        wall, cpu = [w for w, _ in got], [c for _, c in got]
        print(f"  {name:<52} {median_ms(wall)} {median_ms(cpu)}")


Step = Callable[[], Awaitable[object]]


async def timed(step: Step, runs: int, before: Step | None = None) -> tuple[list[float], ...]:
    walls: list[float] = []
    cpus: list[float] = []
    for _ in range(runs):
        if before is not None:
            await before()
        wall, cpu = time.perf_counter(), time.process_time()
        await step()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return walls, cpus


async def bench_in_app(path: Path, state: Path, keys: int) -> list[tuple[str, list[float], ...]]:
    from whytui.ui.app import WhyApp
    from whytui.ui.messages import EditSession

    app = WhyApp(path, state_dir=state)
    rows: list[tuple[str, list[float], ...]] = []
    async with app.run_test(headless=True, size=(80, 24)) as pilot:

        async def drawn() -> None:
            await pilot.pause()
            app.screen._compositor.render_strips()

        await drawn()

        def press(key: str) -> Step:
            async def step() -> None:
                await pilot.press(key)
                await drawn()

            return step

        async def home() -> None:
            app.session_screen.select("root")
            await drawn()

        rows.append(("end: cursor to the last line", *await timed(press("end"), keys, home)))
        await home()
        rows.append(("page down", *await timed(press("pagedown"), keys)))
        rows.append(("down", *await timed(press("down"), keys)))

        index = {n.id: n for n in app.session.nodes}

        def depth(node_id: str) -> int:
            return 0 if node_id == "root" else 1 + depth(index[node_id].parent)

        deepest = max(app.session.leaves(), key=lambda n: depth(n.id)).id
        app.session_screen.select(deepest)
        await drawn()

        async def add() -> None:
            updated, _ = edits.add_why(app.session, deepest, "Why did nothing check it?")
            app.post_message(EditSession(updated, "add why", deepest))
            await drawn()

        async def undo() -> None:
            await pilot.press("u")
            await drawn()

        rows.append((f"add a why at depth {depth(deepest) + 1}", *await timed(add, keys, None)))
        rows.append(("undo", *await timed(undo, keys, None)))
        rows.append(("autosave after an edit", *await timed(app.flush_autosave, keys, add)))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keys", type=int, default=10)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="whytui-bench-") as scratch:
        folder = Path(scratch)
        large, small = folder / "large.toml", folder / "small.toml"
        session = large_session(args.nodes)
        sessionfile.save(session, large)
        sessionfile.save(large_session(SMALL), small)
        size = large.stat().st_size
        print(f"{args.nodes:,} nodes, {size / 1e6:.1f} MB on disk\n")

        bench_open(
            {f"{args.nodes:,} nodes": large, f"{SMALL} nodes": small}, folder / "state", args.runs
        )

        started = time.perf_counter()
        sessionfile.dumps(session)
        took = (time.perf_counter() - started) * 1000
        print(f"\nsessionfile.dumps, {args.nodes:,} nodes: {took:.1f} ms")

        print(f"\nin the open app, median of {args.keys}{' ' * 27}wall        cpu")
        for name, nodes_path in ((f"{args.nodes:,} nodes", large), (f"{SMALL} nodes", small)):
            print(f"  {name}")
            rows = asyncio.run(bench_in_app(nodes_path, folder / "state", args.keys))
            for label, walls, cpus in rows:
                print(f"    {label:<50} {median_ms(walls)} {median_ms(cpus)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
