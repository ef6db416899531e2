"""How often the judges agree with labelled statements: the shared corpus, the held-out sets
in tests/data, and the postmortem corpus (tests/data/postmortems) by split and kind.

    uv run python benchmarks/judge_agreement.py [--split dev|test|all] [--misses]

Tuning looks at the dev split only; the test split is for reporting. Also writes one JSON line
(agreement per set), so a run can be compared with the last.
"""

import argparse
import csv
import json
from collections import defaultdict
from pathlib import Path

from whytui.judge import judge_action, judge_cause

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def judged(kind: str, text: str) -> str:
    if kind == "cause":
        return "person" if judge_cause(text).ends_at_person else "structural"
    return "specific" if judge_action(text).is_specific else "vague"


def report(name: str, kind: str, data: list[dict[str, str]], misses: bool) -> float:
    by_kind: dict[str, list[bool]] = defaultdict(list)
    wrong = []
    for row in data:
        ok = judged(kind, row["text"]) == row["label"]
        by_kind[row.get("kind") or row["label"]].append(ok)
        if not ok:
            wrong.append(row)
    total = sum(len(v) for v in by_kind.values())
    right = sum(sum(v) for v in by_kind.values())
    print(f"{name}: {right}/{total} = {right / total:.3f}")
    for k, oks in sorted(by_kind.items()):
        print(f"    {k:24} {sum(oks):3}/{len(oks):3} = {sum(oks) / len(oks):.2f}")
    if misses:
        for row in wrong:
            print(f"      MISS [{row['label']}/{row.get('kind', '')}] {row['text']}")
    return right / total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    parser.add_argument("--misses", action="store_true", help="list each statement judged wrong")
    args = parser.parse_args()
    scores: dict[str, float] = {}

    def split(data: list[dict[str, str]]) -> list[dict[str, str]]:
        return [r for r in data if args.split == "all" or r["split"] == args.split]

    post = DATA / "postmortems"
    scores["postmortem causes"] = report(
        f"postmortem causes ({args.split})", "cause", split(rows(post / "causes.tsv")), args.misses
    )
    scores["postmortem actions"] = report(
        f"postmortem actions ({args.split})", "action", split(rows(post / "actions.tsv")),
        args.misses,
    )  # fmt: skip
    scores["postmortem done_when"] = report(
        f"postmortem done_when ({args.split})", "action", split(rows(post / "done_when.tsv")),
        args.misses,
    )  # fmt: skip
    if SHARED.is_dir():
        scores["shared causes"] = report(
            "shared causes", "cause", rows(SHARED / "causes.tsv"), args.misses
        )
        scores["shared actions"] = report(
            "shared actions", "action", rows(SHARED / "actions.tsv"), args.misses
        )
    scores["held-out causes"] = report(
        "held-out causes", "cause", rows(DATA / "heldout_causes.tsv"), args.misses
    )
    scores["held-out actions"] = report(
        "held-out actions", "action", rows(DATA / "heldout_actions.tsv"), args.misses
    )
    print(json.dumps({"bench": "judge_agreement", "split": args.split, **scores}))


if __name__ == "__main__":
    main()
