"""`whytui patterns`: what recurs across sessions, by category, by service and by statement.

The seed's test: the same class of incident stops recurring. The text report answers "which
kinds of fragility keep coming back, where, and which statements are the same fragility
written down again"; `--chart` shows categories month by month, where a picture says it
faster than a table; `--format json` gives tools all of it.
"""

import argparse
import datetime as dt
import json
import math
import re
import sys
from typing import TYPE_CHECKING, Any

from whytui.commands.corpus_args import UNREADABLE_EXIT, add_repo_argument, load_sessions
from whytui.commands.output import shown, write
from whytui.core.text import one_line

if TYPE_CHECKING:
    from whytui.core.patterns import Cluster, Tally

EPILOG = """\
Similar statements are found offline, by their words: --threshold says how alike (0-100) two
root causes must be to count as one recurring cause; lower finds more, and merges more.

exit status:
  0  reported
  2  a sessions folder, .whytui.toml or session file could not be read; each is named on
     stderr as file:line: problem, and every readable session is still counted
"""

WIDTH = 80
"""The report must read at 80 columns: a terminal pane in a tmux split, a CI log."""
LABEL = 20
SHOWN_SESSIONS = 5
"""Sessions listed under each recurring cause in text (json lists them all)."""


def _month(text: str) -> dt.date:
    if not re.fullmatch(r"\d{4}-\d{2}", text):
        raise argparse.ArgumentTypeError(f"'{text}' is not a month like 2026-01")
    try:
        return dt.date(int(text[:4]), int(text[5:]), 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a month like 2026-01") from None


def _threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 100:
        raise argparse.ArgumentTypeError(f"'{text}' is not a similarity from 1 to 100")
    return value


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "patterns",
        help="root causes that recur across sessions: by category, by service, by statement",
        description=(
            "Root causes across sessions: by category and by service over time (by the "
            "sessions' months), and recurring causes: alike statements in two sessions or more."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_repo_argument(parser)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--chart", action="store_true", help="draw root causes per month by category (text)"
    )
    parser.add_argument(
        "--since", type=_month, metavar="YYYY-MM", help="only sessions from this month on"
    )
    parser.add_argument(
        "--threshold",
        type=_threshold,
        metavar="N",
        help="how alike two statements must be to count as one cause, 1-100 (lower finds "
        "more; the default is calibrated on paraphrased causes)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from whytui.core.patterns import DEFAULT_THRESHOLD, clusters, tally

    args.threshold = args.threshold or DEFAULT_THRESHOLD
    corpus, failures = load_sessions(args.repo)
    if args.since:
        corpus = corpus.since(args.since)
    counts = tally(corpus)
    if args.format == "json":
        output = _json(counts, clusters(corpus, args.threshold), args)
    elif args.chart:
        output = chart(counts)
    else:
        output = _text(counts, clusters(corpus, args.threshold))
    write(sys.stdout, output)
    return UNREADABLE_EXIT if failures else 0


def _fit(text: str, width: int) -> str:
    text = one_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _span(counts: "Tally") -> str:
    if not counts.months:
        return ""
    first, last = counts.months[0], counts.months[-1]
    return f", {first}" if first == last else f", {first} to {last}"


def _header(counts: "Tally") -> str:
    sessions = f"{counts.sessions:,} session" + ("" if counts.sessions == 1 else "s")
    return f"{counts.causes:,} root causes in {sessions}{_span(counts)}"


def _text(counts: "Tally", found: list["Cluster"]) -> str:
    lines = [_header(counts), ""]
    if counts.by_category:
        recent = counts.months[-(WIDTH - LABEL - 28) :]
        over = "by month" if len(recent) == len(counts.months) else f"last {len(recent)} months"
        lines.append(f"{'By category':{LABEL}}  causes  first    last     {over}")
        for category, months in counts.by_category.items():
            seen = sorted(months)
            lines.append(
                f"{_fit(category, LABEL):{LABEL}}  {months.total():6,}  {seen[0]}  {seen[-1]}  "
                + _spark([months[m] for m in recent], max(months.values()))
            )
        lines.append("")
        lines.append(f"{'By service':{LABEL}}  causes  last     categories")
        for service, months in counts.by_service.items():
            categories = counts.service_categories[service]
            top = ", ".join(f"{c} {n}" for c, n in categories.most_common(2))
            more = len(categories) - 2
            line = f"{_fit(service, LABEL):{LABEL}}  {months.total():6,}  {max(months)}  {top}"
            line += f" +{more}" if more > 0 else ""
            lines.append(line if len(line) <= WIDTH else line[: WIDTH - 1] + "…")
        lines.append("")
    if not found:
        lines.append("No recurring root causes: no statement is alike one in another session.")
        return "\n".join(lines)
    lines.append(f"Recurring root causes ({len(found):,}): alike statements in several sessions")
    for number, cluster in enumerate(found, start=1):
        first, last = cluster.first.isoformat(), cluster.last.isoformat()
        lines.append(
            f"{number:3}. {len(cluster.sessions):,} sessions, {first} to {last}: "
            + ", ".join(cluster.categories)
        )
        lines.append(f"     {_fit(cluster.causes[0].node.text, WIDTH - 5)}")
        shown_causes = list({c.stem: c for c in cluster.causes}.values())
        for cause in shown_causes[:SHOWN_SESSIONS]:  # each session in its own words
            stem = _fit(cause.stem, WIDTH - 7)
            room = WIDTH - 7 - len(stem) - 2
            words = f"  {_fit(cause.node.text, room)}" if room >= 20 else ""
            lines.append(f"       {stem}{words}")
        if len(shown_causes) > SHOWN_SESSIONS:
            lines.append(f"       … and {len(shown_causes) - SHOWN_SESSIONS:,} more")
    return "\n".join(lines)


_LEVELS = "▁▂▃▄▅▆▇█"
ZERO = "·"


def _spark(values: list[int], top: int | None = None) -> str:
    """One character a value: `ZERO` for none, else a block as high as its share of `top`."""
    top = top or max(values, default=0)
    return "".join(
        _LEVELS[max(0, math.ceil(v / top * len(_LEVELS)) - 1)] if v and top else ZERO
        for v in values
    )


def chart(counts: "Tally") -> str:
    """Root causes per month by category, one row a category, one column a month (or a few).

    Bars share one scale so rows compare; the total row has its own. Fits `WIDTH` columns:
    with more months than fit, each column sums several and the caption says how many.
    """
    if not counts.months:
        return "No sessions to chart."
    total_width = 7
    room = WIDTH - LABEL - 1 - total_width
    per = math.ceil(len(counts.months) / room)
    columns = [counts.months[i : i + per] for i in range(0, len(counts.months), per)]

    def row(months: dict[str, int]) -> list[int]:
        return [sum(months.get(m, 0) for m in column) for column in columns]

    rows = {category: row(months) for category, months in counts.by_category.items()}
    totals = [sum(values) for values in zip(*rows.values(), strict=True)] if rows else []
    top = max((v for values in rows.values() for v in values), default=0)
    unit = "month" if per == 1 else f"{per} months"
    lines = [
        _header(counts),
        f"Root causes per {unit} by category ({_LEVELS[-1]} = {top}; {ZERO} = none)",
        " " * (LABEL + 1) + _years(columns),
    ]
    for category, values in rows.items():
        bars = _spark(values, top)
        lines.append(f"{_fit(category, LABEL):{LABEL}} {bars} {sum(values):{total_width - 1},}")
    if totals:
        peak = max(totals)
        lines.append(
            f"{'all (' + _LEVELS[-1] + ' = ' + str(peak) + ')':{LABEL}} "
            f"{_spark(totals, peak)} {sum(totals):{total_width - 1},}"
        )
    return "\n".join(lines)


def _years(columns: list[tuple[str, ...]]) -> str:
    """Year labels over the columns where a year starts (and over the first column)."""
    axis = [" "] * len(columns)
    free_from = 0
    for position, column in enumerate(columns):
        year = column[0][:4]
        starts = position == 0 or any(m.endswith("-01") for m in column)
        if starts and position >= free_from and position + len(year) <= len(columns):
            axis[position : position + len(year)] = year
            free_from = position + len(year) + 1
    return "".join(axis).rstrip()


def _cluster_data(cluster: "Cluster") -> dict[str, Any]:
    return {
        "sessions": list(cluster.sessions),
        "categories": list(cluster.categories),
        "first": cluster.first.isoformat(),
        "last": cluster.last.isoformat(),
        "causes": [
            {
                "session": c.stem,
                "path": shown(c.entry.path),
                "date": c.date.isoformat(),
                "node": c.node.id,
                "text": c.node.text,
                "category": c.category,
            }
            for c in cluster.causes
        ],
    }


def _json(counts: "Tally", found: list["Cluster"], args: argparse.Namespace) -> str:
    document = {
        "sessions": counts.sessions,
        "root_causes": counts.causes,
        "since": args.since.isoformat()[:7] if args.since else None,
        "threshold": args.threshold,
        "months": list(counts.months),
        "by_category": {
            category: {"total": months.total(), "months": dict(sorted(months.items()))}
            for category, months in counts.by_category.items()
        },
        "by_service": {
            service: {
                "total": months.total(),
                "months": dict(sorted(months.items())),
                "categories": dict(counts.service_categories[service].most_common()),
            }
            for service, months in counts.by_service.items()
        },
        "recurring": [_cluster_data(c) for c in found],
    }
    return json.dumps(document, ensure_ascii=False)
