"""`whytui patterns`: the report, the chart and the json, as a person or a tool reads them."""

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from crossref_corpus import make_session, plant_corpus, write_session
from whytui.commands.cli import main

D = dt.date


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["patterns", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    code, out, err = _run(capsys, "--format", "json", *args)
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def planted(tmp_path: Path) -> tuple[Path, list[frozenset[str]]]:
    return tmp_path, plant_corpus(tmp_path / "sessions", seed=7).clusters


def test_json_lists_every_planted_recurrence_with_its_sessions_and_categories(
    planted: tuple[Path, list[frozenset[str]]], capsys: pytest.CaptureFixture[str]
) -> None:
    repo, clusters = planted
    document = _json(capsys, "--repo", str(repo))
    recurring = document["recurring"]
    assert {frozenset(c["sessions"]) for c in recurring} == set(clusters)
    assert len(recurring) == len(clusters)
    for cluster in recurring:
        assert len(cluster["categories"]) == 1
        assert [c["session"] for c in cluster["causes"]] == cluster["sessions"]
        assert cluster["first"] == cluster["causes"][0]["date"]
    assert document["sessions"] == len(list((repo / "sessions").glob("*.toml")))
    assert sum(c["total"] for c in document["by_category"].values()) == document["root_causes"]


def test_text_names_each_recurring_cause_and_its_sessions(
    planted: tuple[Path, list[frozenset[str]]], capsys: pytest.CaptureFixture[str]
) -> None:
    repo, clusters = planted
    code, out, _ = _run(capsys, "--repo", str(repo))
    assert code == 0
    assert f"Recurring root causes ({len(clusters)}): alike statements in several sessions" in out
    largest = max(clusters, key=len)
    assert f"  1. {len(largest)} sessions, " in out
    listed = {line.split()[0] for line in out.splitlines() if line.startswith("       ")}
    shown = {s for c in clusters for s in sorted(c)[:5] if len(c) <= 5}
    assert shown <= listed
    assert "… and 1 more" in out  # the six-session cluster lists five
    assert all(len(line) <= 80 for line in out.splitlines())


def _monthly(folder: Path) -> None:
    """Sessions over 30 months: a missing check every month, an unsafe default every third."""
    for number in range(30):
        date = D(2024 + (number + 6) // 12, (number + 6) % 12 + 1, 10)
        causes = [(f"Check {number} is missing from deploy stage {number}.", "missing-check")]
        if number % 3 == 0:
            causes.append((f"Default {number} of component {number} is unsafe.", "unsafe-default"))
        write_session(
            folder,
            f"{date.isoformat()}-incident-{number:02d}",
            make_session(f"Incident {number}", date, causes, (f"svc-{number % 4}",)),
        )


def test_chart_draws_categories_a_month_within_80_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _monthly(tmp_path / "sessions")
    code, out, _ = _run(capsys, "--repo", str(tmp_path), "--chart")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "40 root causes in 30 sessions, 2024-07 to 2026-12"
    assert lines[1] == "Root causes per month by category (█ = 1; · = none)"
    assert lines[2] == " " * 21 + "2024  2025        2026"
    assert lines[3] == "missing-check        " + "█" * 30 + "     30"
    assert lines[4] == "unsafe-default       " + "█··" * 10 + "     10"
    assert lines[5].startswith("all (█ = 2)          █▄▄█▄▄")
    assert all(len(line) <= 80 for line in lines)


def test_chart_folds_months_into_columns_when_they_would_not_fit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "sessions"
    for number, year in enumerate(range(2016, 2027)):
        date = D(year, 1 + number % 12, 1)
        write_session(
            folder,
            f"{date.isoformat()}-x",
            make_session("x", date, [(f"Guard {number} missing.", "missing-check")]),
        )
    code, out, _ = _run(capsys, "--repo", str(tmp_path), "--chart")
    assert code == 0
    lines = out.splitlines()
    assert "Root causes per 3 months by category" in lines[1]
    assert all(len(line) <= 80 for line in lines)
    assert lines[3].endswith("     11")


def test_since_drops_earlier_sessions_everywhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _monthly(tmp_path / "sessions")
    document = _json(capsys, "--repo", str(tmp_path), "--since", "2026-01")
    assert document["months"][0] == "2026-01"
    assert document["sessions"] == 12
    assert document["by_category"]["missing-check"]["total"] == 12
    assert document["since"] == "2026-01"


def test_threshold_100_counts_only_word_for_word_repeats(
    planted: tuple[Path, list[frozenset[str]]], capsys: pytest.CaptureFixture[str]
) -> None:
    repo, _ = planted
    document = _json(capsys, "--repo", str(repo), "--threshold", "100")
    assert document["recurring"] == []
    assert document["threshold"] == 100


@pytest.mark.parametrize(
    "bad", [["--since", "2026-13"], ["--since", "26-01"], ["--threshold", "0"]]
)
def test_bad_options_are_refused_with_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: list[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["patterns", "--repo", str(tmp_path), *bad])
    assert stopped.value.code == 2
    assert "whytui patterns: error: argument" in capsys.readouterr().err


def test_an_unreadable_session_is_named_and_the_rest_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _monthly(tmp_path / "sessions")
    (tmp_path / "sessions" / "2026-12-31-broken.toml").write_bytes(b"schema = 2\n\xff\n")
    code, out, err = _run(capsys, "--repo", str(tmp_path), "--format", "json")
    assert code == 2
    assert json.loads(out)["sessions"] == 30
    assert "2026-12-31-broken.toml:2: is not UTF-8 text" in err


def test_no_sessions_yet_is_said_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sessions").mkdir()
    code, out, _ = _run(capsys, "--repo", str(tmp_path))
    assert code == 0
    assert out.splitlines()[0] == "0 root causes in 0 sessions"
    assert "No recurring root causes" in out
    assert _run(capsys, "--repo", str(tmp_path), "--chart")[1].strip() == "No sessions to chart."
